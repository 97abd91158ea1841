import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontFiles } from '../shared/bundle/typesetter';

/** Where the bundle's fonts live in node_modules (the Noto fonts, SIL Open Font License). */
export const FONT_MODULES: Record<keyof FontFiles, string> = {
  sans: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  mono: '@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
};

/** The bundle fonts read from node_modules, for the CLI, the tests and the Node benchmark (the app ships them as renderer assets). */
export async function readBundleFonts(): Promise<FontFiles> {
  const require = createRequire(import.meta.url);
  const entries = await Promise.all(Object.entries(FONT_MODULES).map(async ([key, path]) => [key, new Uint8Array(await readFile(require.resolve(path)))] as const));
  return Object.fromEntries(entries) as unknown as FontFiles;
}
