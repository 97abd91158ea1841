import type { GlossaryEntry } from '../shared/report/glossary';
import type { ReportBlock, ReportDocument } from '../shared/report/report-document';

/** A table as aligned text: each column as wide as its widest cell, numbers set right. */
function tableLines(block: Extract<ReportBlock, { kind: 'table' }>): string[] {
  const widths = block.columns.map((c, i) => Math.max(c.title.length, ...block.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (block.columns[i]?.numeric ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(block.columns.map((c) => c.title)), ...block.rows.map(line)];
}

function blockLines(block: ReportBlock): string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return [block.text];
    case 'list':
      return block.items.map((item) => `- ${item}`);
    case 'table':
      return tableLines(block);
    case 'means':
      return [`${block.label}:`, ...block.models.map((m) => `  ${m.model} (${m.role}) ${m.mean.toFixed(3)}`)];
  }
}

/** A two-layer report as the CLI prints it: the summary, the list of sections, then each section. */
export function reportLines(report: ReportDocument): string[] {
  const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
  return [
    report.title,
    '',
    `${report.summary.title}:`,
    `  Conclusion: ${report.conclusion.label}.`,
    `  In the exact words the decision rule allows: ${report.conclusion.wording}`,
    ...indent(report.summary.blocks.flatMap(blockLines)),
    '',
    'The expert’s sections:',
    ...report.sections.map((s, i) => `  ${i + 1}. ${s.title}`),
    ...report.sections.flatMap((s, i) => ['', `${i + 1}. ${s.title}`, ...indent(s.blocks.flatMap(blockLines))]),
  ];
}

/** The glossary printed after everything else, with each term the output used, once. */
export function glossaryLines(entries: readonly GlossaryEntry[]): string[] {
  if (entries.length === 0) return [];
  return ['', 'Glossary (every statistical term and measure used above):', ...entries.flatMap((e) => [`  ${e.term}`, `    ${e.definition}`])];
}
