import { checkSignOffs, countsInWords, describeSignOff, reviewCounts, reviewItems } from '../audit/review';
import { actionLabel } from '../audit/audit-actions';
import { Refusal } from '../errors';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFRef, type PDFPage } from 'pdf-lib';
import { verifyAuditChain } from '../audit/audit-chain';
import { targetCatalog, TARGET_KIND_LABELS } from '../claims/targets';
import { safeFileName } from '../file-names';
import { sha256Hex } from '../hash';
import { stopIfCancelled, type JobControl } from '../jobs';
import type { AuditEvent } from '../model/records';
import { SOFTWARE_VERSION } from '../version';
import { shownRecords } from './bundle-anchor';
import { MANIFEST_FORMAT, MANIFEST_NAME, batesNumber, type BundleManifest } from './bundle-manifest';
import { selectedRows, type BundleCase, type BundlePlan } from './bundle-plan';
import { selectionFiles, selectionFilesUnwritten, type RowFile } from './row-files';
import { drawExhibit, type RedlineCache } from './exhibits';
import { layOutGlossary } from './report-layout';
import { termsUsed } from '../report/glossary';
import { ACCENT, BAD, CONTENT_WIDTH, INK, MARGIN, PageFlow, SOFT } from './page-layout';
import { addLink, writeOutline, type OutlineItem } from './pdf-structure';
import { Typesetter, type FontFiles } from './typesetter';
import { formatInstant } from '../time-format';

/** Who will sign the bundle, shown on its cover; null makes a bundle that says plainly it is unsigned. */
export interface SignerInfo {
  name: string;
  organisation: string;
  email: string;
}

export interface BundleOptions extends JobControl {
  fonts: FontFiles;
  preparer: string;
  signer: SignerInfo | null;
  now: Date;
  /** Lay the pages out and count them, without writing the selections' files or attaching anything: the export dialog's page count. */
  layoutOnly?: boolean;
}

export interface WrittenBundle {
  bytes: Uint8Array;
  pages: number;
  manifest: BundleManifest;
}

/** Room the signature's PKCS#7 needs in the file (hex doubles it): a 2048- or 4096-bit certificate chain fits. */
export const SIGNATURE_LENGTH = 16_384;

const HASHING = 'SHA-256 (FIPS 180-4) over the exact bytes of each file, computed at import and recomputed for this bundle.';

/** Audit events about what the bundle contains: its files, claims, elements, links, annotations and findings. */
function custodyEvents(audit: readonly AuditEvent[], ids: ReadonlySet<string>): AuditEvent[] {
  return audit.filter((e) => e.action === 'case.created' || Object.values(e.details).some((v) => typeof v === 'string' && ids.has(v)));
}

/**
 * Writes the texts of the signature dictionary as hex strings (UTF-16BE, as
 * pdf-lib writes the title): @signpdf writes them as literal strings without
 * escaping, so a `)` or `\` in a case title or a signer's name broke the
 * file, Unicode was mangled, and `/ByteRange` in a title looked like a
 * second signature to a verifier reading the bytes.
 */
function setSignatureTexts(doc: PDFDocument, texts: Record<'Reason' | 'ContactInfo' | 'Name' | 'Location', string>): void {
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const ref = fields.lookup(fields.size() - 1, PDFDict).get(PDFName.of('V'));
  const placed = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
  // @signpdf registers the dictionary already written out (so it stays out of object streams), its texts left empty here.
  if (!(placed instanceof PDFInvalidObject)) throw new Error('The signature placeholder is not where @signpdf puts it');
  const bytes = new Uint8Array(placed.sizeInBytes());
  placed.copyBytesInto(bytes, 0);
  let written = String.fromCharCode(...bytes);
  for (const [key, text] of Object.entries(texts)) written = written.replace(`/${key} ()`, `/${key} ${PDFHexString.fromText(text).toString()}`);
  doc.context.assign(ref as PDFRef, PDFInvalidObject.of(Uint8Array.from(written, (ch) => ch.charCodeAt(0))));
}

/**
 * Lays out the whole bundle as a PDF: cover, index of exhibits, claim chart,
 * the exhibits, the chain of custody and the certificate, with the originals
 * and a manifest attached, a Bates number on every page, and (when a signer
 * is named) a signature placeholder the main process fills in.
 */
/** Where each exhibit's pages fall, by number: what the claim chart's Bates ranges are read from. */
type ExhibitBates = ReadonlyMap<number, { first: number; last: number }>;

interface LaidOut {
  doc: PDFDocument;
  pages: number;
  manifest: BundleManifest;
  exhibitPages: ExhibitBates;
}

/**
 * Writes the bundle. The claim chart cites each exhibit with its Bates
 * range, which is known only once the exhibits are laid out: the layout is
 * made with the ranges of the one before until they no longer move (the
 * second pass, unless a range's width wraps a line differently).
 */
export async function writeBundle(data: BundleCase, plan: BundlePlan, options: BundleOptions): Promise<WrittenBundle> {
  // A log-row exhibit's whole selection goes in files of its own; the exhibit shows what it is and where they are.
  const rowFiles = new Map(
    plan.exhibits.flatMap((e) => {
      const target = e.target.kind === 'annotation' ? data.annotations.find((a) => a.id === e.target.id)?.target : e.target;
      if (target?.kind !== 'logRows') return [];
      return [[e.number, options.layoutOnly ? selectionFilesUnwritten(e.number, target.rows?.length ?? 0) : selectionFiles(e.number, selectedRows(target, data), data.sources)] as const];
    }),
  );
  let laid = await layOutBundle(data, plan, options, rowFiles, null);
  for (let pass = 0; pass < 3; pass++) {
    const next = await layOutBundle(data, plan, options, rowFiles, laid.exhibitPages);
    const settled = plan.exhibits.every((e) => next.exhibitPages.get(e.number)?.first === laid.exhibitPages.get(e.number)?.first && next.exhibitPages.get(e.number)?.last === laid.exhibitPages.get(e.number)?.last);
    laid = next;
    if (settled) break;
  }
  const { doc, pages, manifest } = laid;
  const { now } = options;
  const c = data.case;
  if (options.layoutOnly) return { bytes: new Uint8Array(), pages, manifest };
  const attachmentOf = (sourceId: string) => manifest.originals.find((o) => o.sourceId === sourceId)?.attachment ?? 'not attached';

  options.progress?.('Attaching the originals', 0, plan.originals.length);
  for (const source of plan.originals) {
    await doc.attach(data.originals.get(source.id)!, attachmentOf(source.id), { description: `Original file, SHA-256 ${source.sha256}`, creationDate: new Date(source.importedAt), modificationDate: new Date(source.importedAt) });
  }
  for (const [number, files] of rowFiles) {
    for (const file of files) await doc.attach(file.bytes, file.attachment, { mimeType: file.attachment.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson', description: `The log rows of exhibit ${number}, ${file.rows.toLocaleString('en-US')} rows, SHA-256 ${file.sha256}`, creationDate: now, modificationDate: now });
  }
  await doc.attach(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), MANIFEST_NAME, { mimeType: 'application/json', description: 'Manifest: the originals and exhibits of this bundle, with their SHA-256', creationDate: now, modificationDate: now });

  doc.setTitle(`Evidence bundle: ${c.title}`);
  doc.setSubject(c.matterNumber ? `Matter ${c.matterNumber}` : c.title);
  doc.setAuthor(options.preparer);
  doc.setProducer(`Evidence Desk ${SOFTWARE_VERSION} (pdf-lib)`);
  doc.setCreator('Evidence Desk');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  if (options.signer) {
    pdflibAddPlaceholder({ pdfDoc: doc, reason: '', contactInfo: '', name: '', location: '', signingTime: now, signatureLength: SIGNATURE_LENGTH });
    setSignatureTexts(doc, { Reason: `Evidence bundle for ${c.title}`, ContactInfo: options.signer.email, Name: options.signer.name, Location: options.signer.organisation });
  }
  options.progress?.('Writing the file', 0, 1);
  // No object streams: the signature placeholder must stay a plain object the signer can find and fill.
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages, manifest };
}

/** The bundle's pages, its manifest and its selections' files, the claim chart citing the Bates ranges given (placeholders on the first pass). */
async function layOutBundle(data: BundleCase, plan: BundlePlan, options: BundleOptions, rowFiles: ReadonlyMap<number, RowFile[]>, chartBates: ExhibitBates | null): Promise<LaidOut> {
  const { now } = options;
  const doc = await PDFDocument.create();
  const ts = await Typesetter.embed(doc, options.fonts);
  const flow = new PageFlow(doc, ts);
  const catalog = targetCatalog(data);
  const c = data.case;
  // Made safe: poppler's pdfdetach -saveall writes each attachment under its name, and a source's name comes from whoever made the file.
  const attachmentNames = new Map(plan.originals.map((s, i) => [s.id, `${String(i + 1).padStart(2, '0')}-${safeFileName(s.fileName, 'original')}`]));
  const attachmentOf = (sourceId: string) => attachmentNames.get(sourceId) ?? 'not attached';

  // Cover.
  flow.newPage();
  const cover = flow.page;
  flow.space(90);
  flow.text(c.parties || c.title, { style: 'sansBold', size: 13, color: SOFT, after: 6 });
  flow.text(c.matterNumber ? `Matter ${c.matterNumber}` : '', { size: 11, color: SOFT, after: 30 });
  flow.text(`Evidence bundle: ${c.title}`, { style: 'sansBold', size: 22, color: ACCENT, after: 12 });
  flow.text(`${plan.claims.length} claim${plan.claims.length === 1 ? '' : 's'}, ${plan.exhibits.length} exhibit${plan.exhibits.length === 1 ? '' : 's'}, ${plan.originals.length} original file${plan.originals.length === 1 ? '' : 's'} attached.`, { size: 11, after: 30 });
  flow.text(`Prepared by ${options.preparer} on ${now.toISOString().slice(0, 10)} with Evidence Desk ${SOFTWARE_VERSION}.`, { size: 10, after: 6 });
  if (options.signer) {
    const { name, organisation, email } = options.signer;
    flow.text(`Digitally signed by ${[name, organisation, email].filter(Boolean).join(', ')}. The signature covers the whole file; any change to it invalidates the signature.`, { size: 10, after: 6 });
  } else {
    flow.text('UNSIGNED: this bundle carries no digital signature. Nothing in it proves it has not been changed since it was made.', { style: 'sansBold', size: 11, color: BAD, after: 6 });
  }
  flow.space(30);
  flow.text(c.privilegeLegend, { style: 'sansBold', size: 11, color: BAD, after: 4 });

  // The index is drawn last, on pages kept for it here, when the exhibits' pages are known; its rows are measured now.
  const indexColumns = [
    { title: 'Exhibit', width: 44 },
    { title: 'Description', width: 190 },
    { title: 'Bates range', width: 100 },
    { title: 'Page', width: 32 },
    { title: 'Source file and SHA-256', width: CONTENT_WIDTH - 366 },
  ];
  const bates = (index: number) => batesNumber(c.batesPrefix, index + 1);
  const indexRow = (number: number, title: string, first: number, last: number, sourceIds: readonly string[]) => {
    const files = sourceIds.map((id) => data.sources.find((s) => s.id === id)).map((s) => (s ? `${s.fileName} ${s.sha256.slice(0, 16)}…` : 'removed file'));
    return [String(number), flow.oneLine(title, 'sans', INDEX_SIZE, indexColumns[1]!.width - 6), `${bates(first)} – ${bates(last)}`, String(first + 1), files.join('; ') || '—'];
  };
  const INDEX_SIZE = 7.5;
  const widest = 999_998;
  const indexPages = flow.tablePages(flow.rowHeights(indexColumns, plan.exhibits.map((e) => indexRow(e.number, e.title, widest, widest, e.sourceIds)), INDEX_SIZE), INDEX_SIZE, 50);
  const indexStart = flow.pages.length;
  for (let i = 0; i < indexPages; i++) flow.newPage();

  // Claim chart: each exhibit cited with its Bates range, from the pass before (a placeholder as wide on the first).
  const batesSpan = (exhibit: number) => {
    const at = chartBates?.get(exhibit);
    if (!at) return `${bates(0)} – ${bates(0)}`;
    return at.first === at.last ? bates(at.first) : `${bates(at.first)} – ${bates(at.last)}`;
  };
  flow.newPage();
  const chartPage = flow.page;
  flow.heading('Claim chart');
  const claimOutline: OutlineItem[] = [];
  const chartLinks: { page: PDFPage; rect: { x: number; y: number; width: number; height: number }; exhibit: number }[] = [];
  for (const { claim, elements } of plan.claims) {
    flow.ensure(80);
    const claimItem: OutlineItem = { title: `${claim.order + 1}. ${claim.title}`, page: flow.page, children: [] };
    claimOutline.push(claimItem);
    flow.text(claim.theory.toUpperCase(), { style: 'sansBold', size: 8, color: SOFT, after: 1 });
    flow.heading(`${claim.order + 1}. ${claim.title}`, 2);
    if (claim.description) flow.text(claim.description, { size: 9, color: SOFT, after: 6 });
    for (const { element, links } of elements) {
      flow.ensure(40);
      claimItem.children!.push({ title: `Element ${element.order + 1}`, page: flow.page });
      const supporting = links.filter((l) => l.exhibit !== null && l.link.stance === 'supports').length;
      flow.text(`Element ${element.order + 1}. ${element.text}`, { style: 'sansBold', size: 9.5, indent: 8, after: 2 });
      if (supporting === 0) flow.text('No supporting evidence.', { style: 'sansBold', size: 8.5, color: BAD, indent: 20, after: 4 });
      for (const { link, exhibit, broken } of links) {
        const label = exhibit !== null ? `Exhibit ${exhibit} (${batesSpan(exhibit)})` : 'Removed evidence';
        const line = `${label} (${link.stance}${broken ? `; broken: ${broken}` : ''}): ${link.note || 'no note'}`;
        const top = flow.y;
        flow.text(line, { size: 8.8, indent: 20, color: broken ? BAD : INK, after: 3 });
        if (exhibit !== null && flow.y < top) chartLinks.push({ page: flow.page, rect: { x: MARGIN.left + 20, y: flow.y + 3, width: ts.width(label, 'sans', 8.8), height: 12 }, exhibit });
      }
      flow.space(4);
    }
    flow.space(8);
  }

  // Exhibits.
  const exhibitPages = new Map<number, { first: number; last: number; page: PDFPage }>();
  const redlines: RedlineCache = new Map();
  for (const [i, exhibit] of plan.exhibits.entries()) {
    stopIfCancelled(options, 'The bundle export was cancelled; nothing was written');
    options.progress?.('Laying out exhibits', i, plan.exhibits.length);
    flow.newPage();
    const first = flow.pageIndex;
    flow.stamp(`EXHIBIT ${exhibit.number}`, c.matterNumber ? `Matter ${c.matterNumber}` : c.title.slice(0, 34));
    flow.space(18);
    flow.text(TARGET_KIND_LABELS[exhibit.target.kind].toUpperCase(), { style: 'sansBold', size: 8, color: SOFT, after: 1 });
    // A title on one line: a longer one is cut there and given whole beneath it.
    const heading = `Exhibit ${exhibit.number}: ${exhibit.title}`;
    const shown = flow.oneLine(heading, 'sansBold', 12.5, CONTENT_WIDTH);
    flow.heading(shown, 2);
    if (shown !== heading) flow.text(exhibit.title, { size: 9, color: SOFT, after: 6 });
    drawExhibit(flow, exhibit, data, catalog, { original: attachmentOf, rows: rowFiles.get(exhibit.number) ?? [] }, redlines);
    exhibitPages.set(exhibit.number, { first, last: flow.pageIndex, page: flow.pages[first]! });
  }
  options.progress?.('Laying out exhibits', plan.exhibits.length, plan.exhibits.length);

  // Glossary: every statistical term the claim chart and the exhibits used, defined once.
  const terms = termsUsed(flow.transcript.join('\n'));
  let glossaryPage: PDFPage | null = null;
  if (terms.length) {
    flow.newPage();
    glossaryPage = flow.page;
    layOutGlossary(flow, terms);
  }

  // Chain of custody.
  flow.newPage();
  const custodyPage = flow.page;
  flow.heading('Appendix: chain of custody');
  const ids = new Set<string>([...plan.originals.map((s) => s.id), ...plan.claims.flatMap((cl) => [cl.claim.id, ...cl.elements.flatMap((e) => [e.element.id, ...e.links.map((l) => l.link.id)])]), ...plan.exhibits.map((e) => e.target.id)]);
  const events = custodyEvents(data.audit, ids);
  const chain = verifyAuditChain(data.audit);
  flow.text(`From the case's append-only audit trail: every change is an event whose SHA-256 covers the one before. The trail has ${chain.events} events and ${chain.verified ? 'verifies' : 'does NOT verify'}; its last hash is ${chain.head}. Below, the ${events.length} events about what this bundle contains.`, { size: 8.5, color: SOFT, after: 8 });
  flow.table(
    [
      { title: '#', width: 24 },
      { title: 'Time', width: 112 },
      { title: 'By', width: 80 },
      { title: 'Action', width: 80 },
      { title: 'Subject', width: 134 },
      { title: 'Event hash', width: CONTENT_WIDTH - 430, style: 'mono' },
    ],
    events.map((e) => [String(e.seq), formatInstant(e.at), e.actor, actionLabel(e.action), e.subject, e.hash.slice(0, 12)]),
    { size: 7.5 },
  );

  // What reviewers checked and signed off, as the history records it and as their signatures hold now.
  flow.space(8);
  flow.text('Review and sign-offs', { size: 10, after: 4 });
  flow.text(`Review marks as the case stands: ${countsInWords(reviewCounts(reviewItems(data)))} (exhibits, claims, claim elements, links and findings; a record changed after its mark counts as unreviewed).`, { size: 8.5, after: 4 });
  const signOffs = await checkSignOffs(data.audit);
  if (signOffs.length === 0) flow.text('No reviewer has signed off this case or a bundle of it.', { size: 8.5, color: SOFT, after: 8 });
  for (const check of signOffs) flow.text(`Event #${check.seq}, ${formatInstant(check.statement.signedAt)}: ${describeSignOff(check)}.`, { size: 8.5, after: 4 });

  // Certificate.
  flow.newPage();
  const certificatePage = flow.page;
  flow.heading('Certificate of authenticity of the original files');
  flow.text('In the spirit of US Federal Rule of Evidence 902(14): data copied from an electronic file, authenticated by a process of digital identification.', { size: 8.5, color: SOFT, after: 10 });
  flow.table(
    [
      { title: 'File (attachment)', width: 150 },
      { title: 'SHA-256', width: 190, style: 'mono' },
      { title: 'Bytes', width: 60 },
      { title: 'Imported', width: CONTENT_WIDTH - 400 },
    ],
    plan.originals.map((s) => {
      const bytes = data.originals.get(s.id);
      if (!bytes) throw new Refusal(`The original bytes of ${s.fileName} are missing from the case`, 'integrity');
      if (sha256Hex(bytes) !== s.sha256) throw new Refusal(`${s.fileName} no longer matches the SHA-256 recorded at its import`, 'integrity');
      return [`${s.fileName} (${attachmentOf(s.id)})`, s.sha256, s.size.toLocaleString('en-US'), `${formatInstant(s.importedAt)} by ${s.importedBy}`];
    }),
    { size: 7.5 },
  );
  flow.text(`Method: ${HASHING} Each file is attached to this PDF unchanged, and the attached manifest (${MANIFEST_NAME}) lists its digest; anyone can extract an attachment and recompute its SHA-256 to compare.`, { size: 9, after: 12 });
  flow.text('I certify that the files listed above are true and complete copies of the electronic records as imported into the case, that each was identified by its SHA-256 digest at import, and that the digests above match the copies attached to this bundle.', { size: 10, after: 36 });
  for (const label of ['Signature', 'Name', 'Title and organisation', 'Date']) {
    flow.ensure(36);
    flow.page.drawLine({ start: { x: MARGIN.left, y: flow.y }, end: { x: MARGIN.left + 300, y: flow.y }, thickness: 0.6, color: INK });
    flow.space(12);
    flow.text(label, { size: 8, color: SOFT, after: 14 });
  }

  // The index, now that every exhibit's pages are known.
  options.progress?.('Index and bookmarks', 0, 1);
  const indexFlow = PageFlow.into(doc, ts, flow.pages.slice(indexStart, indexStart + indexPages));
  indexFlow.newPage();
  indexFlow.heading('Index of exhibits');
  indexFlow.table(
    indexColumns,
    plan.exhibits.map((e) => {
      const pages = exhibitPages.get(e.number)!;
      return indexRow(e.number, e.title, pages.first, pages.last, e.sourceIds);
    }),
    { size: INDEX_SIZE, onRow: (row, page, top, bottom) => addLink(doc, page, { x: MARGIN.left, y: bottom, width: CONTENT_WIDTH, height: top - bottom }, exhibitPages.get(plan.exhibits[row]!.number)!.page) },
  );
  for (const link of chartLinks) addLink(doc, link.page, link.rect, exhibitPages.get(link.exhibit)!.page);

  await flow.footers(c.privilegeLegend, bates);
  const pages = flow.pages.length;
  writeOutline(doc, [
    { title: 'Cover', page: cover },
    { title: 'Index of exhibits', page: flow.pages[indexStart]! },
    { title: 'Claim chart', page: chartPage, children: claimOutline },
    { title: 'Exhibits', page: exhibitPages.get(1)!.page, children: plan.exhibits.map((e) => ({ title: `Exhibit ${e.number}: ${e.title}`.slice(0, 120), page: exhibitPages.get(e.number)!.page })) },
    ...(glossaryPage ? [{ title: 'Glossary', page: glossaryPage }] : []),
    { title: 'Chain of custody', page: custodyPage },
    { title: 'Certificate of authenticity', page: certificatePage },
  ]);

  const manifest: BundleManifest = {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    software: `Evidence Desk ${SOFTWARE_VERSION}`,
    createdAt: now.toISOString(),
    preparer: options.preparer,
    case: { id: c.id, title: c.title, matterNumber: c.matterNumber, parties: c.parties },
    audit: { events: chain.events, head: chain.head },
    records: shownRecords(data, plan),
    bates: { prefix: c.batesPrefix, first: bates(0), last: bates(pages - 1), pages },
    hashing: HASHING,
    originals: plan.originals.map((s) => ({ attachment: attachmentOf(s.id), sourceId: s.id, fileName: s.fileName, sha256: s.sha256, size: s.size, importedAt: s.importedAt, importedBy: s.importedBy })),
    exhibits: plan.exhibits.map((e) => {
      const p = exhibitPages.get(e.number)!;
      const files = (rowFiles.get(e.number) ?? []).map((f) => ({ attachment: f.attachment, sha256: f.sha256, size: f.bytes.length, rows: f.rows }));
      return { number: e.number, title: e.title, kind: e.target.kind, page: p.first + 1, batesFirst: bates(p.first), batesLast: bates(p.last), sourceIds: e.sourceIds, ...(files.length && { files }) };
    }),
  };
  return { doc, pages, manifest, exhibitPages };
}
