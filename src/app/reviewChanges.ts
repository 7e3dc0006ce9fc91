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

/** The changed fields of one part of a data-driven page (its top-level settings, or one section). */
export interface FieldChangeGroup {
  title: string;
  rows: SettingChange[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isRecordList = (v: unknown): v is Record<string, unknown>[] => Array.isArray(v) && v.length > 0 && v.every(isRecord);

/** Every value of `value` under its path (`hero › key_highlights 2 › title`); lists count from 1. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [key, v] of Object.entries(value)) leaves(v, path ? `${path} › ${key}` : key, out);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => leaves(v, `${path} ${i + 1}`, out));
  } else {
    out.set(path, value);
  }
  return out;
}

function leafChanges(before: unknown, after: unknown, path = ''): SettingChange[] {
  const a = before === undefined ? new Map<string, unknown>() : leaves(before, path, new Map());
  const b = after === undefined ? new Map<string, unknown>() : leaves(after, path, new Map());
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys
    .filter((key) => JSON.stringify(a.get(key)) !== JSON.stringify(b.get(key)))
    .map((key) => ({ key: key || '(value)', before: shown(a.get(key)), after: shown(b.get(key)) }));
}

/** A list item's name: a homepage section by its kind (`- infobar: {…}`), others by their title. */
function itemName(item: Record<string, unknown>): string {
  const keys = Object.keys(item);
  if (keys.length === 1 && isRecord(item[keys[0]!])) return keys[0]!;
  return typeof item['title'] === 'string' && item['title'] ? `“${item['title']}”` : '';
}

/**
 * What changed in the front matter of a page laid out from it (the homepage, Contact Us), part by
 * part: the page's own fields first, then each item of its lists (sections, contacts, locations) that
 * was added, removed or changed, with its fields before and now. A moved item shows as removed and added.
 */
export function frontMatterFieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChangeGroup[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const page: SettingChange[] = [];
  const groups: FieldChangeGroup[] = [];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!isRecordList(a) && !isRecordList(b)) {
      page.push(...leafChanges(a, b, key));
      continue;
    }
    const listA = isRecordList(a) ? a : [];
    const listB = isRecordList(b) ? b : [];
    const diff = sequenceDiff(listA, listB, (x, y) => JSON.stringify(x) === JSON.stringify(y));
    let indexA = 0;
    let indexB = 0;
    for (let i = 0; i < diff.length; i++) {
      const item = diff[i]!;
      if (item.type === 'same') {
        indexA++;
        indexB++;
        continue;
      }
      const next = diff[i + 1];
      const name = itemName(item.value);
      if (item.type === 'removed' && next?.type === 'added' && itemName(next.value) === name) {
        groups.push({ title: `${key} ${indexB + 1}${name ? ` (${name})` : ''}`, rows: leafChanges(item.value, next.value) });
        indexA++;
        indexB++;
        i++;
      } else if (item.type === 'added') {
        groups.push({ title: `${key} ${indexB + 1}${name ? ` (${name})` : ''}: added`, rows: leafChanges(undefined, item.value) });
        indexB++;
      } else {
        groups.push({ title: `${key} ${indexA + 1}${name ? ` (${name})` : ''}: removed`, rows: leafChanges(item.value, undefined) });
        indexA++;
      }
    }
    // A list that became empty or appeared from nothing also says so in the page's own fields.
    if (!isRecordList(a) || !isRecordList(b)) page.push({ key, before: isRecordList(a) ? `${a.length} items` : shown(a), after: isRecordList(b) ? `${b.length} items` : shown(b) });
  }
  return page.length ? [{ title: 'Page', rows: page }, ...groups] : groups;
}
