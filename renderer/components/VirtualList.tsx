import { useState, type ReactNode } from 'react';

const OVERSCAN = 10;

/** A long list of fixed-height rows of which only those on screen are rendered, so the page stays short and fast. */
export function VirtualList<T>({ items, rowHeight, height, label, row }: { items: readonly T[]; rowHeight: number; height: number; label: string; row: (item: T, index: number) => ReactNode }) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <div className="grid-body" role="rowgroup" aria-label={label} style={{ height: Math.min(height, Math.max(items.length, 1) * rowHeight + 2) }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ position: 'relative', height: items.length * rowHeight }}>
        {items.slice(first, last).map((item, k) => (
          <div key={first + k} role="row" className="grid-row" style={{ top: (first + k) * rowHeight, height: rowHeight }}>
            {row(item, first + k)}
          </div>
        ))}
      </div>
    </div>
  );
}
