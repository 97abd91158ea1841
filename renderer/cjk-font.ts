import cjk from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';

/**
 * The Noto Sans SC the bundle embeds, for the screens too: a reviewer's
 * laptop may have no CJK font, and a Chinese answer or marker must not
 * show as empty boxes. Fetched only when a page shows such characters.
 */
export function addCjkFont(): void {
  const face = new FontFace('Evidence CJK', `url(${cjk})`, { unicodeRange: 'U+2E80-2FDF, U+3000-30FF, U+3100-31FF, U+3400-4DBF, U+4E00-9FFF, U+AC00-D7AF, U+F900-FAFF, U+FF00-FFEF' });
  document.fonts.add(face);
}
