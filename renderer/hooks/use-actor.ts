import { useEffect, useState } from 'react';
import { api } from '../api';

const KEY = 'evidence-desk.actor';

/**
 * The name recorded as the actor of every change: what the user set, or
 * their login name on this computer until they do.
 */
export function useActor(): [string, (name: string) => void] {
  const [actor, setActor] = useState(() => localStorage.getItem(KEY) ?? '');
  useEffect(() => {
    if (actor) return;
    void api.systemInfo().then((info) => setActor((current) => current || info.userName || 'unknown user'));
  }, [actor]);
  const save = (name: string) => {
    const trimmed = name.trim();
    if (!trimmed) return;
    localStorage.setItem(KEY, trimmed);
    setActor(trimmed);
  };
  return [actor, save];
}
