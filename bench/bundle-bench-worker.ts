/// <reference lib="webworker" />
// The bundle benchmark in Chromium: the writer in a worker, as the app runs it (signing is in the main process, measured in Node).
import { planBundle } from '../shared/bundle/bundle-plan';
import { writeBundle } from '../shared/bundle/write-bundle';
import { loadBundleFonts } from '../renderer/features/bundles/bundle-fonts';
import { bundleBenchCase } from './generated-bundle-case';

onmessage = async () => {
  const { data } = await bundleBenchCase();
  const fonts = await loadBundleFonts();
  const t = performance.now();
  const written = await writeBundle(data, planBundle(data), { fonts, preparer: 'bench', signer: { name: 'Bench Signer', organisation: 'Bench', email: '' }, now: new Date() });
  postMessage({ ms: performance.now() - t, pages: written.pages, megabytes: written.bytes.length / 1e6 });
};
