import { useRef, useState } from 'react';
import type { Annotation, Span, Target } from '../../shared/model/records';
import { layerHighlights, type Highlight } from '../../shared/text/highlight-ranges';

/** The selection inside `container` as offsets into its text, or null when there is none. */
function selectedSpan(container: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}

export function annotationHighlights(annotations: readonly Annotation[]): Highlight[] {
  return annotations.flatMap((a) => (a.target.span ? [{ ...a.target.span, className: 'annotated', title: `${a.label} (${a.author})${a.comment ? `: ${a.comment}` : ''}` }] : []));
}

/**
 * A piece of evidence text with its highlights (annotations, the linked
 * span, and whatever the view adds). Selecting part of it offers to
 * annotate the selection or link it to a claim.
 */
export function SelectableText({ text, target, highlights, actions, className = 'pair-text' }: { text: string; target: Target; highlights: readonly Highlight[]; actions: { annotate(target: Target): void; linkToClaim(target: Target): void }; className?: string }) {
  const { annotate, linkToClaim } = actions;
  const ref = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<Span | null>(null);
  const pieces = layerHighlights(text.length, highlights);
  const quote = span ? text.slice(span.start, span.end) : '';
  return (
    <div className="selectable">
      <div ref={ref} className={className} onMouseUp={() => setSpan(ref.current && selectedSpan(ref.current))} onKeyUp={() => setSpan(ref.current && selectedSpan(ref.current))} data-testid="selectable-text">
        {pieces.map((p) => (
          <span key={p.start} className={p.classes.join(' ') || undefined} title={p.titles.join('\n') || undefined}>
            {text.slice(p.start, p.end)}
          </span>
        ))}
      </div>
      {span && (
        <div className="selection-bar" role="toolbar" aria-label="Selection">
          <span className="muted small">
            Selected characters {span.start}–{span.end}: “{quote.length > 60 ? `${quote.slice(0, 60)}…` : quote}”
          </span>
          <button type="button" onClick={() => annotate({ ...target, span })}>
            Annotate selection…
          </button>
          <button type="button" onClick={() => linkToClaim({ ...target, span })}>
            Link selection to claim…
          </button>
        </div>
      )}
    </div>
  );
}
