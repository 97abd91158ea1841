// Kept apart from contract.ts so the sandboxed preload can import it without zod.

/** Commands the application menu sends to the window (main → renderer). */
export const MENU_COMMANDS = ['case:new', 'archive:open', 'archive:save', 'evidence:import', 'terms:history', 'case:search'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'menu:command';
