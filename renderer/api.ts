import type { DesktopApi } from '../shared/ipc/desktop-api';

/** The desktop side: dialogs and files, through the preload. */
export const api: DesktopApi = window.api;
