/** What the main process knows about the frame that sent an IPC message. */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

/** The origin our renderer is served from (see app-protocol.ts). */
export const APP_ORIGIN = 'app://evidence';
const APP_PROTOCOL = 'app:';
const APP_HOST = 'evidence';

/**
 * Only our own window's main frame may call the desktop API: not an iframe,
 * not a page that was navigated elsewhere.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    // URL.origin is "null" for schemes the URL standard does not know, so compare the parts.
    const url = new URL(frame.url);
    return url.protocol === APP_PROTOCOL && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** True for URLs inside the app; everything else is refused as navigation. */
export function isAppUrl(url: string): boolean {
  return isTrustedSender({ url, isMainFrame: true });
}
