import type { ConfirmRequest } from './handlers';

/**
 * The question to ask before a link leaves the app for the user's browser,
 * or null for a link that never may. Links can come from evidence text (a
 * log row, a model's answer, a terms page), so the user sees the whole
 * address, not the text shown for it, before anything opens.
 */
export function externalLinkQuestion(url: string): ConfirmRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  return { title: 'Open link', message: `Open this address in your browser?\n${parsed.host}`, detail: parsed.href, action: 'Open in browser' };
}
