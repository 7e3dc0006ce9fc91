/**
 * What the review screen shows of one changed page: its blocks as published and as changed, each
 * marked same, added, removed, moved or changed (with the words inserted and deleted), and its
 * settings as a before/now table. Pure: no React, no stores.
 */
import { readPageFile, frontMatterData } from '../../core/pageFile.ts';
import { sequenceDiff } from '../../storage/lineDiff.ts';
import { settingChanges, type SettingChange } from '../reviewChanges.ts';

export interface WordPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

export interface BlockRow {
  kind: 'same' | 'added' | 'removed' | 'moved' | 'changed';
  /** Index in the changed page (what comments anchor to); null for a removed block. */
  index: number | null;
  before: string | null;
  after: string | null;
  /** For a changed block: its words, inserted and deleted marked. */
  words?: WordPart[];
}

/** Words and the spaces between them, compared one by one. */
export function wordDiff(before: string, after: string): WordPart[] {
  const split = (t: string) => t.split(/(\s+)/).filter((w) => w !== '');
  const parts: WordPart[] = [];
  for (const item of sequenceDiff(split(before), split(after))) {
    const last = parts.at(-1);
    if (last && last.type === item.type) last.text += item.value;
    else parts.push({ type: item.type, text: item.value });
  }
  return parts;
}

/**
 * The blocks of both versions in the changed page's order. A block removed here and added there
 * with the same text is moved; one removed right where one was added is changed.
 */
export function blockRows(published: readonly string[] | null, changed: readonly string[] | null): BlockRow[] {
  const diff = sequenceDiff(published ?? [], changed ?? []);
  const removedTexts = diff.filter((d) => d.type === 'removed').map((d) => d.value);
  const addedTexts = diff.filter((d) => d.type === 'added').map((d) => d.value);
  const rows: BlockRow[] = [];
  let index = 0;
  for (let i = 0; i < diff.length; i++) {
    const item = diff[i]!;
    const next = diff[i + 1];
    if (item.type === 'same') {
      rows.push({ kind: 'same', index: index++, before: item.value, after: item.value });
    } else if (item.type === 'added') {
      const moved = removedTexts.includes(item.value);
      rows.push({ kind: moved ? 'moved' : 'added', index: index++, before: moved ? item.value : null, after: item.value });
    } else if (addedTexts.includes(item.value)) {
      continue; // shown where it now is
    } else if (next?.type === 'added' && !removedTexts.includes(next.value)) {
      rows.push({ kind: 'changed', index: index++, before: item.value, after: next.value, words: wordDiff(item.value, next.value) });
      i++;
    } else {
      rows.push({ kind: 'removed', index: null, before: item.value, after: null });
    }
  }
  return rows;
}

/** The page settings that differ between the two versions of a page file. */
export function pageSettingChanges(published: string | null, changed: string | null): SettingChange[] {
  const data = (text: string | null) => (text === null ? {} : frontMatterData(readPageFile(text)));
  return settingChanges(data(published), data(changed));
}

/** Rows that are changes, for moving from one to the next with the keyboard. */
export function changeIndexes(rows: readonly BlockRow[]): number[] {
  return rows.flatMap((r, i) => (r.kind === 'same' ? [] : [i]));
}

/** What kind of file a review lists, in the words its editors use. */
export function fileKind(rel: string): string {
  if (rel === '_config.yml') return 'Site settings';
  if (rel === '_data/navigation.yml') return 'Navigation';
  if (rel === '_data/footer.yml') return 'Footer';
  if (rel === 'index.md') return 'Homepage';
  if (/\.(md|html)$/i.test(rel)) return 'Page';
  if (/^(images|files)\//.test(rel)) return 'Media';
  return 'Site file';
}
