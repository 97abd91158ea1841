import type { Migration } from './migration';

/** Version 1. Every table has a caseId index so a case can be exported or deleted whole. */
export const v01: Migration = {
  version: 1,
  stores: {
    cases: 'id, updatedAt',
    sources: 'id, caseId, [caseId+sha256]',
    originalChunks: '[sourceId+seq], caseId',
    logEntries: '[sourceId+line], caseId, [caseId+ts], [caseId+account], [caseId+apiKey], [caseId+ip]',
    outputPairs: 'id, caseId, promptId',
    tosDocuments: 'id, caseId',
    tosVersions: 'id, caseId, documentId, [documentId+effectiveDate]',
    tosClauses: 'id, caseId, versionId',
    claims: 'id, caseId',
    elements: 'id, caseId, claimId',
    links: 'id, caseId, elementId, target.id',
    annotations: 'id, caseId, target.id',
    findings: 'id, caseId',
    bundles: 'id, caseId',
    auditEvents: '[caseId+seq], caseId',
  },
};
