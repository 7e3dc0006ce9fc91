import type { EditorState } from '@tiptap/pm/state';
import { blockRegistry } from '../../extensions/registry.ts';
import type { InsertEntry } from '../core/blockDefinition.ts';

/** Every entry of the insert menu, in registry order. */
export function allInsertEntries(): InsertEntry[] {
  return blockRegistry.flatMap((block) => block.insertEntries ?? []);
}

/** The entries offered where the cursor is in `state`. */
export function allowedInsertEntries(entries: readonly InsertEntry[], state: EditorState): InsertEntry[] {
  return entries.filter((entry) => entry.allowed?.(state) ?? true);
}

/** The entries whose label, keywords or id contain the query; label matches first. */
export function filterInsertEntries(entries: readonly InsertEntry[], query: string): InsertEntry[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...entries];
  const scored: { entry: InsertEntry; score: number }[] = [];
  for (const entry of entries) {
    const label = entry.label.toLowerCase();
    let score = -1;
    if (label.startsWith(q)) score = 0;
    else if (label.includes(q)) score = 1;
    else if (entry.keywords.some((k) => k.toLowerCase().startsWith(q))) score = 2;
    else if (entry.keywords.some((k) => k.toLowerCase().includes(q)) || entry.id.includes(q)) score = 3;
    if (score >= 0) scored.push({ entry, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.entry);
}
