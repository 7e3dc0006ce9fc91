import type { Node as PMNode } from '@tiptap/pm/model';
import { blockLabel } from '../editor/blockLabel.ts';
import { sequenceDiff } from '../storage/lineDiff.ts';

/** What changed in a page since it was opened or saved, in the terms a reviewer uses. */
export interface BlockChange {
  kind: 'added' | 'removed' | 'changed';
  label: string;
  snippet: string;
  /** The block's index in the edited page (none for a removed block). */
  index: number | null;
}

export interface SettingChange {
  key: string;
  before: string;
  after: string;
}

const SNIPPET_LENGTH = 80;

function snippetOf(node: PMNode): string {
  // Text of separate blocks (a card's title and its description) is joined with a space, not run together.
  const text = node.textBetween(0, node.content.size, ' ', ' ').replace(/\s+/g, ' ').trim();
  const alt = typeof node.attrs['alt'] === 'string' ? (node.attrs['alt'] as string) : '';
  const shown = text || alt;
  return shown.length > SNIPPET_LENGTH ? `${shown.slice(0, SNIPPET_LENGTH - 1)}…` : shown;
}

/**
 * The blocks that differ between two versions of a page, in page order. A block removed right where a
 * block of the same kind was added counts as one changed block.
 */
export function blockChanges(before: PMNode, after: PMNode): BlockChange[] {
  const children = (doc: PMNode) => Array.from({ length: doc.childCount }, (_, i) => doc.child(i));
  const diff = sequenceDiff(children(before), children(after), (a, b) => a === b || a.eq(b));
  const changes: BlockChange[] = [];
  let afterIndex = 0;
  for (let i = 0; i < diff.length; i++) {
    const item = diff[i]!;
    if (item.type === 'same') {
      afterIndex++;
      continue;
    }
    const next = diff[i + 1];
    if (item.type === 'removed' && next?.type === 'added' && next.value.type === item.value.type) {
      changes.push({ kind: 'changed', label: blockLabel(next.value), snippet: snippetOf(next.value), index: afterIndex++ });
      i++;
    } else if (item.type === 'added') {
      changes.push({ kind: 'added', label: blockLabel(item.value), snippet: snippetOf(item.value), index: afterIndex++ });
    } else {
      changes.push({ kind: 'removed', label: blockLabel(item.value), snippet: snippetOf(item.value), index: null });
    }
  }
  return changes;
}

/** A setting's value as the review shows it. */
const shown = (value: unknown) => (value === undefined ? '(not set)' : typeof value === 'string' ? value : JSON.stringify(value));

/** The settings whose values differ, with their old and new values. */
export function settingChanges(before: Record<string, unknown>, after: Record<string, unknown>): SettingChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, before: shown(before[key]), after: shown(after[key]) }));
}
