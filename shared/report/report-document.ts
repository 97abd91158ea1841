import { termsUsed, type GlossaryEntry } from './glossary';

/** A table column: its title, its width in the bundle (points) and whether it holds numbers (set right). */
export interface ReportColumn {
  title: string;
  width: number;
  numeric?: boolean;
}

/** One model's mean on the report's axis chart. */
export interface ReportMean {
  model: string;
  role: string;
  mean: number;
  suspect: boolean;
  reference: boolean;
}

/** What a section holds, as the app, the bundle and the CLI each draw it. */
export type ReportBlock =
  | { kind: 'paragraph'; text: string; strong?: boolean }
  | { kind: 'note'; text: string }
  | { kind: 'table'; label: string; columns: ReportColumn[]; rows: string[][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'means'; label: string; models: ReportMean[] };

export interface ReportSection {
  /** Stable anchor for navigation. */
  id: string;
  title: string;
  blocks: ReportBlock[];
}

/**
 * A report in two layers: a one-page summary in plain words for counsel,
 * then the expert's sections, then the glossary of the terms they use.
 */
export interface ReportDocument {
  title: string;
  /** The conclusion at the head of the summary: its short label, the exact wording its rule allows, and its code for styling. */
  conclusion: { label: string; wording: string; code: string };
  summary: ReportSection;
  sections: ReportSection[];
  glossary: GlossaryEntry[];
}

/** The words a block shows, for finding the terms it uses. */
export function blockText(block: ReportBlock): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.text;
    case 'table':
      return [block.label, block.columns.map((c) => c.title).join(' '), ...block.rows.map((r) => r.join(' '))].join('\n');
    case 'list':
      return block.items.join('\n');
    case 'means':
      return [block.label, ...block.models.map((m) => `${m.model} ${m.role}`)].join('\n');
  }
}

/** Every word a report shows but its glossary: what its terms are looked for in. */
export function reportText(report: Pick<ReportDocument, 'conclusion' | 'summary' | 'sections'>): string {
  return [report.conclusion.label, report.conclusion.wording, ...[report.summary, ...report.sections].flatMap((s) => [s.title, ...s.blocks.map(blockText)])].join('\n');
}

/** A document whose glossary holds exactly the terms its summary and sections use. */
export function withGlossary(title: string, conclusion: ReportDocument['conclusion'], summary: ReportSection, sections: ReportSection[]): ReportDocument {
  return { title, conclusion, summary, sections, glossary: termsUsed(reportText({ conclusion, summary, sections })) };
}
