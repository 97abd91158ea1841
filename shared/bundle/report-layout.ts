import { rgb } from 'pdf-lib';
import type { GlossaryEntry } from '../report/glossary';
import type { ReportBlock, ReportDocument, ReportMean } from '../report/report-document';
import { CONTENT_WIDTH, INK, MARGIN, RULE, SOFT, type PageFlow } from './page-layout';

/** A small heading and a note in grey: how findings and reports title and explain their tables. */
export const heading = (flow: PageFlow, text: string) => flow.text(text, { style: 'sansBold', size: 9.5, after: 3 });
export const note = (flow: PageFlow, text: string) => flow.text(text, { size: 7.8, color: SOFT, after: 8 });

/**
 * A two-layer report on the page: the summary for counsel on a page of its
 * own, a list of the expert sections, then each section. The glossary is
 * the bundle's own appendix, so each term is defined once in the bundle.
 */
export function layOutReport(flow: PageFlow, report: ReportDocument): void {
  flow.heading(report.summary.title, 3);
  flow.text(`Conclusion: ${report.conclusion.label}.`, { style: 'sansBold', size: 11, after: 3 });
  flow.text('In the exact words the decision rule allows:', { size: 7.8, color: SOFT, after: 2 });
  flow.text(report.conclusion.wording, { style: 'sansBold', size: 9.5, after: 8 });
  for (const block of report.summary.blocks) layOutBlock(flow, block);
  flow.newPage();
  heading(flow, 'The expert’s sections');
  report.sections.forEach((s, i) => flow.text(`${i + 1}. ${s.title}`, { size: 9, indent: 8, after: 1 }));
  flow.text('The terms these sections use are defined in the glossary at the end of this bundle.', { size: 7.8, color: SOFT, after: 10 });
  report.sections.forEach((section, i) => {
    // A heading never ends a page alone.
    flow.ensure(90);
    flow.heading(`${i + 1}. ${section.title}`, 3);
    for (const block of section.blocks) layOutBlock(flow, block);
  });
}

function layOutBlock(flow: PageFlow, block: ReportBlock): void {
  switch (block.kind) {
    case 'paragraph':
      flow.text(block.text, { style: block.strong ? 'sansBold' : 'sans', size: block.strong ? 10 : 9, after: block.strong ? 3 : 6 });
      return;
    case 'note':
      note(flow, block.text);
      return;
    case 'list':
      for (const item of block.items) flow.text(`• ${item}`, { size: 8.8, indent: 8, after: 2 });
      flow.space(4);
      return;
    case 'table': {
      const fixedWidth = block.columns.reduce((sum, c) => sum + c.width, 0);
      flow.table(
        block.columns.map((c) => ({ title: c.title, width: c.width || CONTENT_WIDTH - fixedWidth })),
        block.rows,
        { size: block.columns.length > 6 ? 7.4 : 7.8 },
      );
      flow.space(2);
      return;
    }
    case 'means':
      meansChart(flow, block.label, block.models);
  }
}

/** Each model's mean as a dot on one axis: the panel grey, the suspect dark, other roles hollow. */
function meansChart(flow: PageFlow, label: string, models: readonly ReportMean[]): void {
  const rowHeight = 13;
  const height = models.length * rowHeight + 24;
  flow.ensure(height + 20);
  heading(flow, label);
  const values = models.map((m) => m.mean);
  const lo = Math.max(0, Math.min(...values) - 0.02);
  const hi = Math.min(1, Math.max(...values) + 0.02);
  const left = MARGIN.left + 150;
  const width = CONTENT_WIDTH - 160;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * width;
  const page = flow.page;
  const top = flow.y;
  models.forEach((m, i) => {
    const y = top - 8 - i * rowHeight;
    flow.ts.draw(page, m.model.slice(0, 30), MARGIN.left, y - 3, m.suspect ? 'sansBold' : 'sans', 7, m.suspect ? INK : SOFT);
    page.drawLine({ start: { x: left, y }, end: { x: left + width, y }, thickness: 0.3, color: RULE });
    const color = m.suspect ? rgb(0.14, 0.25, 0.36) : m.reference ? rgb(0.6, 0.65, 0.7) : undefined;
    page.drawCircle({ x: x(m.mean), y, size: m.suspect ? 4 : 3, ...(color ? { color } : { borderColor: rgb(0.75, 0.45, 0.1), borderWidth: 1 }) });
  });
  const axis = top - models.length * rowHeight - 4;
  page.drawLine({ start: { x: left, y: axis }, end: { x: left + width, y: axis }, thickness: 0.6, color: INK });
  for (const t of [lo, (lo + hi) / 2, hi]) flow.ts.draw(page, t.toFixed(3), x(t) - 10, axis - 10, 'sans', 7, SOFT);
  flow.y = axis - 14;
}

/** The bundle's glossary: every term its pages use, each defined once. */
export function layOutGlossary(flow: PageFlow, entries: readonly GlossaryEntry[]): void {
  flow.heading('Appendix: glossary');
  flow.text('Every statistical term and measure used in this bundle, in the order of the glossary.', { size: 8.5, color: SOFT, after: 8 });
  for (const entry of entries) {
    flow.ensure(30);
    flow.text(entry.term, { style: 'sansBold', size: 9, after: 1 });
    flow.text(entry.definition, { size: 8.8, indent: 8, after: 6 });
  }
}
