import type { EditorState } from '@tiptap/pm/state';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * What a heading is called in the menus: by what the site shows. An h1 is the page's own title (an
 * Isomer body may hold one: the CMS offers it and real pages have it); h2 and below keep their number.
 */
export function headingLabel(level: HeadingLevel): string {
  return level === 1 ? 'Page title (H1)' : `Heading ${level}`;
}

/**
 * A page title belongs to the page itself: it is offered only where the cursor is in a block of the
 * page, not inside an accordion, a card, a table cell, a list or a quote.
 */
export function pageTitleAllowed(state: EditorState): boolean {
  return state.selection.$from.depth === 1;
}
