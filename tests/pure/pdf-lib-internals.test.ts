import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import * as fontkit from 'fontkit';
import { pageInternalsOf, subsetEmbedderOf } from '../../shared/bundle/pdf-lib-internals';

// The canary for a pdf-lib upgrade: the private state the typesetter relies on is where 1.17.1 keeps it.
test('pdf-lib keeps a page’s content stream and a subset font’s embedder where the typesetter reaches for them', async () => {
  const version = (JSON.parse(readFileSync('node_modules/pdf-lib/package.json', 'utf8')) as { version: string }).version;
  const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies['pdf-lib'];
  assert.equal(pinned, version, 'pdf-lib is pinned to the exact version installed');

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const font = await doc.embedFont(readFileSync('node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'), { subset: true });
  const embedder = subsetEmbedderOf(font);
  assert.ok(embedder.font.hasGlyphForCodePoint(0x41));
  const page = doc.addPage();
  assert.equal(pageInternalsOf(page).contentStream, undefined, 'nothing drawn yet');
  page.drawText('A', { font, size: 12 });
  const internals = pageInternalsOf(page);
  assert.ok(internals.contentStream && internals.contentStreamRef, 'drawing makes the content stream the sealing replaces');

  assert.throws(() => subsetEmbedderOf({} as never), /pdf-lib no longer keeps a subset font's embedder/);
  assert.throws(() => pageInternalsOf({} as never), /pdf-lib no longer keeps a page's content stream/);
});
