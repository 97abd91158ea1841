// The bundle benchmark in Node, run in its own process by bench/run.ts so
// that its peak memory is its own: the case of bench/generated-bundle-case
// laid out, written and signed by the code the CLI runs.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { planBundle } from '../shared/bundle/bundle-plan';
import { writeBundle } from '../shared/bundle/write-bundle';
import { readBundleFonts } from '../node/bundle-fonts';
import { createIdentity, identitySigner, signPdf } from '../node/signing';
import { bundleBenchCase } from './generated-bundle-case';

const { data: bundleCase, characters } = await bundleBenchCase();
const identity = createIdentity({ name: 'Bench Signer', organisation: 'Bench' }, 'bench passphrase');
const fonts = await readBundleFonts();

let t = performance.now();
const plan = planBundle(bundleCase);
const written = await writeBundle(bundleCase, plan, { fonts, preparer: 'bench', signer: { name: 'Bench Signer', organisation: 'Bench', email: '' }, now: new Date() });
const layoutMs = performance.now() - t;
t = performance.now();
const signed = await signPdf(written.bytes, identitySigner(identity.p12, 'bench passphrase'));
const signMs = performance.now() - t;
const peakMb = process.resourceUsage().maxRSS / 1024;

// The baseline: pdf-lib alone drawing the same amount of text, in lines of a fixed length, onto as many pages, in a standard font: no fonts to embed, no wrapping, no layout.
t = performance.now();
const baseline = await PDFDocument.create();
const helvetica = await baseline.embedFont(StandardFonts.Helvetica);
const perPage = Math.ceil(characters / written.pages / 100);
const line = 'x'.repeat(100);
for (let p = 0; p < written.pages; p++) {
  const page = baseline.addPage([612, 792]);
  for (let l = 0; l < perPage; l++) page.drawText(line, { x: 40, y: 760 - (l % 70) * 10.5, size: 7, font: helvetica });
}
const baselineBytes = await baseline.save({ useObjectStreams: false });
const baselineMs = performance.now() - t;

console.log(JSON.stringify({ exhibits: plan.exhibits.length, pages: written.pages, megabytes: signed.length / 1e6, layoutMs, signMs, peakMb, baselineMs, baselineMegabytes: baselineBytes.length / 1e6, characters }));
