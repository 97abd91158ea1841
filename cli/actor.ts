import { userInfo } from 'node:os';

/** Who the audit trail names for a CLI change: --actor, else the login name. */
export function cliActor(explicit: string | undefined): string {
  return explicit?.trim() || userInfo().username || 'unknown user';
}
