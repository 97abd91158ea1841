/** A labelled bar chart as SVG: one bar per value, the first and last labels under the axis. */
export function BarChart({ values, labels, title, width = 720, height = 90 }: { values: number[]; labels: string[]; title: string; width?: number; height?: number }) {
  const max = Math.max(1, ...values);
  const step = width / Math.max(1, values.length);
  const top = 14;
  const plot = height - 16;
  const barHeight = (v: number) => ((plot - top) * v) / max;
  return (
    <figure className="bar-chart">
      <svg width={width} height={height} role="img" aria-label={title}>
        {values.map((v, i) => (
          <rect key={i} x={i * step + 0.5} y={plot - barHeight(v)} width={Math.max(1, step - 1)} height={barHeight(v)} fill="#23466b">
            <title>{`${labels[i]}: ${v.toLocaleString('en-US')}`}</title>
          </rect>
        ))}
        <line x1={0} x2={width} y1={plot + 0.5} y2={plot + 0.5} stroke="#c9c4bb" />
        <text x={0} y={height - 3} fontSize={10} fill="#6b6760">
          {labels[0]}
        </text>
        <text x={width} y={height - 3} fontSize={10} fill="#6b6760" textAnchor="end">
          {labels.at(-1)}
        </text>
        <text x={width} y={10} fontSize={10} fill="#6b6760" textAnchor="end">
          max {max.toLocaleString('en-US')}
        </text>
      </svg>
      <figcaption className="muted small">{title}</figcaption>
    </figure>
  );
}
