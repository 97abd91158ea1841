import type { DesktopApi } from '../shared/ipc/desktop-api';

declare global {
  interface Window {
    /** Set by the Electron preload (or, in tests, by the bridge's stand-in). */
    api: DesktopApi;
  }
}
