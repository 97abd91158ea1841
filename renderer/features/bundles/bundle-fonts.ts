import type { FontFiles } from '../../../shared/bundle/typesetter';
import sans from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import sansBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import mono from '@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf?url';
import cjk from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';

/** The bundle fonts, shipped as assets of the renderer build (the CLI reads the same files from node_modules). */
export async function loadBundleFonts(): Promise<FontFiles> {
  const load = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  const [a, b, c, d] = await Promise.all([sans, sansBold, mono, cjk].map(load));
  return { sans: a!, sansBold: b!, mono: c!, cjk: d! };
}
