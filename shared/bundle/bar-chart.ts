import { rgb } from 'pdf-lib';
import { INK, MARGIN, RULE, SOFT, CONTENT_WIDTH, type PageFlow } from './page-layout';

export interface BarSeries {
  name: string;
  values: number[];
}

const SERIES_COLORS = [rgb(0.14, 0.29, 0.45), rgb(0.72, 0.74, 0.78), rgb(0.75, 0.45, 0.1)];

/** A bar chart drawn as vector graphics: one group per label, one bar per series, with a scale and a legend. */
export function barChart(flow: PageFlow, title: string, labels: readonly string[], series: readonly BarSeries[], options: { max?: number; height?: number; format?: (v: number) => string } = {}): void {
  const height = options.height ?? 150;
  const format = options.format ?? ((v: number) => (Math.abs(v) >= 10 || Number.isInteger(v) ? Math.round(v).toLocaleString('en-US') : v.toFixed(2)));
  flow.ensure(height + 60);
  flow.text(title, { style: 'sansBold', size: 9.5, after: 6 });
  const max = options.max ?? Math.max(1e-9, ...series.flatMap((s) => s.values));
  const left = MARGIN.left + 34;
  const width = CONTENT_WIDTH - 34;
  const bottom = flow.y - height;
  const page = flow.page;
  for (const fraction of [0, 0.5, 1]) {
    const y = bottom + fraction * height;
    page.drawLine({ start: { x: left, y }, end: { x: left + width, y }, thickness: fraction === 0 ? 0.8 : 0.3, color: fraction === 0 ? INK : RULE });
    flow.ts.draw(page, format(max * fraction), MARGIN.left, y - 3, 'sans', 7, SOFT);
  }
  const group = width / Math.max(1, labels.length);
  const bar = Math.max(0.6, (group * 0.8) / series.length);
  labels.forEach((label, i) => {
    series.forEach((s, k) => {
      const value = s.values[i] ?? 0;
      const h = Math.max(0, (value / max) * height);
      if (h > 0) page.drawRectangle({ x: left + i * group + group * 0.1 + k * bar, y: bottom, width: bar, height: h, color: SERIES_COLORS[k % SERIES_COLORS.length] });
    });
    // Label every group when they fit, else about twelve of them.
    const every = Math.max(1, Math.ceil(labels.length / 12));
    if (i % every === 0) flow.ts.draw(page, label, left + i * group, bottom - 10, 'sans', 6.5, SOFT);
  });
  let x = left;
  series.forEach((s, k) => {
    page.drawRectangle({ x, y: bottom - 24, width: 8, height: 6, color: SERIES_COLORS[k % SERIES_COLORS.length] });
    x += 12 + flow.ts.draw(page, s.name, x + 12, bottom - 24, 'sans', 7.5, INK) + 16;
  });
  flow.y = bottom - 34;
}
