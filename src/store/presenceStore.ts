/**
 * Team mode: who else is editing which page now, and whose open change sets change it. The app
 * sends a heartbeat for the open page every PRESENCE_BEAT_MS and reads both lists at the same pace.
 */
import { create } from 'zustand';
import { useOpenPageStore } from './openPageStore.ts';

export const PRESENCE_BEAT_MS = 15_000;

export interface PresenceState {
  /** Page path → names of the other people editing it now. */
  editing: Record<string, string[]>;
  /** Page path → owners of the other open change sets that change it. */
  changedBy: Record<string, string[]>;
}

export const usePresenceStore = create<PresenceState>(() => ({ editing: {}, changedBy: {} }));

interface PresenceAnswer {
  editing: { path: string; email: string; name: string }[];
}
interface ChangeSetsAnswer {
  changeSets: { owner: { name: string; email: string }; changed: string[] }[];
}

function add(map: Record<string, string[]>, path: string, name: string) {
  const names = (map[path] ??= []);
  if (!names.includes(name)) names.push(name);
}

/** Who is where, from the server's answers, leaving out `me`. */
export function presenceFrom(me: string, presence: PresenceAnswer, changeSets: ChangeSetsAnswer): PresenceState {
  const editing: Record<string, string[]> = {};
  const changedBy: Record<string, string[]> = {};
  for (const e of presence.editing) if (e.email !== me) add(editing, e.path, e.name || e.email);
  for (const cs of changeSets.changeSets) {
    if (cs.owner.email === me) continue;
    for (const path of cs.changed) add(changedBy, path, cs.owner.name || cs.owner.email);
  }
  return { editing, changedBy };
}

const getJson = async <T,>(url: string): Promise<T | null> => {
  const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' }).catch(() => null);
  return res?.ok ? ((await res.json()) as T) : null;
};

const send = (method: 'POST' | 'DELETE', path: string) =>
  fetch(`/api/team/presence?path=${encodeURIComponent(path)}`, { method, credentials: 'same-origin' }).catch(() => null);

/** Starts the heartbeat and the reading of who is where; returns a function that stops both. */
export function startTeamPresence(me: string): () => void {
  let stopped = false;
  const tick = async () => {
    const path = useOpenPageStore.getState().path;
    if (path) await send('POST', path);
    const [presence, changeSets] = await Promise.all([getJson<PresenceAnswer>('/api/team/presence'), getJson<ChangeSetsAnswer>('/api/changesets')]);
    if (!stopped && presence && changeSets) usePresenceStore.setState(presenceFrom(me, presence, changeSets));
  };
  void tick();
  const timer = setInterval(() => void tick(), PRESENCE_BEAT_MS);
  // Opening another page is news at once: leave the old one, beat for the new one.
  const unsubscribe = useOpenPageStore.subscribe((s, prev) => {
    if (s.path === prev.path) return;
    if (prev.path) void send('DELETE', prev.path);
    void tick();
  });
  return () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
  };
}
