import type { AnyExtension, Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';

/**
 * The values an attribute may take: `true` any value (the generic address and CSS checks still apply),
 * a list of exact values, or a pattern the whole value must match.
 */
export type AttributeRule = true | readonly string[] | RegExp;

/**
 * An element a block owns: the sanitiser applies these allowances to it and to nothing else. An element is
 * the block's when it has the tag and, if given, the class (e.g. `div` with class `isomer-callout`) and a
 * parent matching `within`. An element several declarations match keeps only what all of them allow.
 */
export interface OwnedElement {
  tag: string;
  className?: string;
  /** A CSS selector the element's parent must match (e.g. `.isomer-image-wrapper` for the image in it). */
  within?: string;
  /** Attributes the element may carry (besides `class`), with their values. */
  attributes: Record<string, AttributeRule>;
  /**
   * Attributes not listed: `'reject'` (the default) removes and reports them; `'keep'` leaves them to the
   * generic rules for markup no block owns (`src/core/genericMarkup.ts`).
   */
  unknownAttributes?: 'reject' | 'keep';
}

/**
 * What a block adds to the sanitiser. An element no block owns follows the generic rules
 * (`src/core/genericMarkup.ts`); anything neither allows is removed and reported.
 */
export interface SanitizerAllowance {
  /** The elements this block owns, with their own attributes and values; allowed nowhere else. */
  elements?: OwnedElement[];
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

/**
 * Markup the Node reading path may read without sanitising, by tag: the attributes it may carry (every
 * plain element may also have a class of plain words). Values still pass the generic address and style
 * checks; a list or pattern narrows them further.
 */
export type PlainMarkup = Record<string, Record<string, AttributeRule>>;

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
  /**
   * Where the block stands in the registry (lower first). Order decides which block's parse rule is
   * tried first when two could read the same markup (at equal TipTap priority), and the order of the
   * insert menu.
   */
  order: number;
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
  /**
   * The block's markup exactly as its writer lays it out: each must import as this block, export
   * byte-identical, and survive the sanitiser untouched.
   */
  fixtures?: BlockFixture[];
  /** Markup close to the block's that it must not read: it stays raw or goes to the generic container. */
  nearMisses?: BlockFixture[];
  /** The block's markup with something unsafe or not allowed: the sanitiser must remove and report it. */
  hostile?: BlockFixture[];
  /** The elements and attributes of the block the Node reading path may read without sanitising. */
  plainMarkup?: PlainMarkup;
}
