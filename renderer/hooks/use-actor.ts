import { useEffect, useState } from 'react';
import { api } from '../api';
import { setWorkingIdentity } from '../db/working-as';

const KEY = 'evidence-desk.actor';
const IDENTITY_KEY = 'evidence-desk.actor-identity';

/**
 * The name recorded as the actor of every change: what the user set, or
 * their login name on this computer until they do; and the fingerprint of
 * the signing identity they work with, recorded beside it when they chose one.
 */
export function useActor(): [string, (name: string, fingerprint: string | null) => void, string | null] {
  const [actor, setActor] = useState(() => localStorage.getItem(KEY) ?? '');
  const [identity, setIdentity] = useState(() => localStorage.getItem(IDENTITY_KEY));
  useEffect(() => setWorkingIdentity(identity), [identity]);
  useEffect(() => {
    if (actor) return;
    void api.systemInfo().then((info) => setActor((current) => current || info.userName || 'unknown user'));
  }, [actor]);
  const save = (name: string, fingerprint: string | null) => {
    const trimmed = name.trim();
    if (!trimmed) return;
    localStorage.setItem(KEY, trimmed);
    if (fingerprint) localStorage.setItem(IDENTITY_KEY, fingerprint);
    else localStorage.removeItem(IDENTITY_KEY);
    setActor(trimmed);
    setIdentity(fingerprint);
  };
  return [actor, save, identity];
}
