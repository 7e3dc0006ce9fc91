import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { InsertEntry } from '../core/blockDefinition.ts';
import { allowedInsertEntries, filterInsertEntries } from './insertEntries.ts';

/** The `/` menu: open while a paragraph starts with "/" followed by the query under the cursor. */
export interface SlashMenuState {
  active: boolean;
  /** The range of "/query" in the document. */
  from: number;
  to: number;
  query: string;
  /** The highlighted entry among the filtered ones. */
  index: number;
  /** Set by Escape: the menu stays closed for the "/" at this position. */
  dismissedAt: number | null;
}

type SlashMenuMeta = { type: 'move'; delta: number } | { type: 'dismiss' };

export const slashMenuKey = new PluginKey<SlashMenuState>('slashMenu');

const CLOSED: SlashMenuState = { active: false, from: 0, to: 0, query: '', index: 0, dismissedAt: null };

/** Where a "/query" trigger sits in this state, if the cursor is in one. */
function findTrigger(state: EditorState): { from: number; to: number; query: string } | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  if ($from.parent.type.name !== 'paragraph') return null;
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
  if (!before.startsWith('/') || /[\s\ufffc]/.test(before)) return null;
  return { from: $from.start(), to: $from.pos, query: before.slice(1) };
}

/** The entries the menu lists: those offered at the cursor of `editorState` that match the query. */
export function slashMenuItems(entries: readonly InsertEntry[], state: SlashMenuState, editorState: EditorState): InsertEntry[] {
  return state.active ? filterInsertEntries(allowedInsertEntries(entries, editorState), state.query) : [];
}

/** Replaces "/query" with the chosen block. */
export function runSlashEntry(editor: Editor, entry: InsertEntry): void {
  const state = slashMenuKey.getState(editor.state);
  if (state?.active) editor.chain().focus().deleteRange({ from: state.from, to: state.to }).run();
  entry.insert(editor);
}

export interface SlashMenuOptions {
  entries: InsertEntry[];
}

export const SlashMenu = Extension.create<SlashMenuOptions>({
  name: 'slashMenu',

  addOptions() {
    return { entries: [] };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    const entries = this.options.entries;
    return [
      new Plugin<SlashMenuState>({
        key: slashMenuKey,
        state: {
          init: () => CLOSED,
          apply(tr, prev, _old, next) {
            const meta = tr.getMeta(slashMenuKey) as SlashMenuMeta | undefined;
            const trigger = editor.isEditable ? findTrigger(next) : null;
            if (!trigger) return CLOSED;
            let dismissedAt = prev.dismissedAt === null ? null : tr.mapping.map(prev.dismissedAt);
            if (meta?.type === 'dismiss') dismissedAt = trigger.from;
            if (dismissedAt === trigger.from) return { ...CLOSED, dismissedAt };
            const count = filterInsertEntries(allowedInsertEntries(entries, next), trigger.query).length;
            let index = prev.active && prev.query === trigger.query ? prev.index : 0;
            if (meta?.type === 'move' && count > 0) index = (index + meta.delta + count) % count;
            return { active: true, ...trigger, index, dismissedAt: null };
          },
        },
        props: {
          handleKeyDown(view, event) {
            const state = slashMenuKey.getState(view.state);
            if (!state?.active) return false;
            const move = (delta: number) => view.dispatch(view.state.tr.setMeta(slashMenuKey, { type: 'move', delta }));
            switch (event.key) {
              case 'ArrowDown':
                move(1);
                return true;
              case 'ArrowUp':
                move(-1);
                return true;
              case 'Enter':
              case 'Tab': {
                const item = slashMenuItems(entries, state, view.state)[state.index];
                if (!item) return false;
                runSlashEntry(editor, item);
                return true;
              }
              case 'Escape':
                view.dispatch(view.state.tr.setMeta(slashMenuKey, { type: 'dismiss' }));
                return true;
              default:
                return false;
            }
          },
        },
      }),
    ];
  },
});
