import { PDFArray, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

/** A bookmark and the ones under it. */
export interface OutlineItem {
  title: string;
  page: PDFPage;
  children?: OutlineItem[];
}

const destination = (doc: PDFDocument, page: PDFPage) => doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]);

/** The PDF outline (bookmarks panel). pdf-lib has no API for it, so the dictionaries are written as the PDF spec (12.3.3) lays them out. */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  const root = doc.context.nextRef();
  const count = (list: readonly OutlineItem[]): number => list.reduce((n, i) => n + 1 + count(i.children ?? []), 0);
  const level = (list: readonly OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = list.map(() => doc.context.nextRef());
    list.forEach((item, i) => {
      const children = item.children?.length ? level(item.children, refs[i]!) : null;
      doc.context.assign(
        refs[i]!,
        doc.context.obj({
          // UTF-16 text, so dashes, quotes and Chinese in titles show as typed.
          Title: PDFHexString.fromText(item.title),
          Parent: parent,
          Dest: destination(doc, item.page),
          ...(i > 0 ? { Prev: refs[i - 1]! } : {}),
          ...(i < list.length - 1 ? { Next: refs[i + 1]! } : {}),
          ...(children ? { First: children.first, Last: children.last, Count: -count(item.children!) } : {}),
        }),
      );
    });
    return { first: refs[0]!, last: refs[refs.length - 1]! };
  };
  const top = level(items, root);
  doc.context.assign(root, doc.context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: count(items) }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** A clickable area of `page` that goes to `target` (the index rows, the chart's exhibit numbers). */
export function addLink(doc: PDFDocument, page: PDFPage, rect: { x: number; y: number; width: number; height: number }, target: PDFPage): void {
  const annotation = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height].map((n) => PDFNumber.of(n)),
      Border: [0, 0, 0],
      Dest: destination(doc, target),
    }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(annotation);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([annotation]));
}
