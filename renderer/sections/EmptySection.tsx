import type { ReactNode } from 'react';

/** A section with nothing in it yet, saying plainly what will be there and what is not built yet. */
export function EmptySection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2>{title}</h2>
      <div className="empty">{children}</div>
    </section>
  );
}
