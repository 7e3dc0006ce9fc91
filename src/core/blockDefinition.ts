import type { AnyExtension, Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';

/** What a block adds to the sanitiser. Everything not allowed by some block is removed and reported. */
export interface SanitizerAllowance {
  tags?: string[];
  attributes?: string[];
  /** Hosts an iframe `src` may point at (exact host or a suffix starting with a dot, e.g. ".youtube.com"). */
  iframeHosts?: string[];
  /** Exact `<script src>` values that may stay (e.g. an embed's loader). */
  scriptSources?: string[];
}

/** An entry of the insert menu (toolbar and `/` menu). */
export interface InsertEntry {
  id: string;
  label: string;
  /** A short glyph or emoji shown beside the label. */
  icon: string;
  keywords: string[];
  /** Whether the entry is offered where the cursor is; everywhere when absent. */
  allowed?: (state: EditorState) => boolean;
  /** Inserts the block at the selection. */
  insert: (editor: Editor) => boolean;
}

/** A fixture: HTML that must import, export unchanged, and survive the sanitiser. */
export interface BlockFixture {
  name: string;
  html: string;
}

/**
 * One block of the editor, as its folder under `extensions/` describes it. The registry reads these;
 * the core, the CLI and the editor all take their schema from it.
 */
export interface BlockDefinition {
  name: string;
  /** TipTap nodes and marks. Importable in Node: no React here. */
  extensions: AnyExtension[];
  sanitizer?: SanitizerAllowance;
  insertEntries?: InsertEntry[];
  /** Loads the block's settings panel (React) lazily; never called in Node. */
  loadSettingsPanel?: () => Promise<{ default: unknown }>;
  /** Node type names whose settings the panel edits, when one is selected. */
  settingsFor?: string[];
  /** CSS for the canvas and the preview, scoped to the block's own classes. */
  css?: string;
  fixtures?: BlockFixture[];
}
