import type { NodeViewRenderer } from '@tiptap/core';
import { publishedEmbedNote } from '../../src/core/siteEmbedHosts.ts';

/**
 * The editor's view of an embed kept as published: the note and the address it loads, never the frame
 * itself (a host off the allowlist does not load in the editor). Preview shows it as the site does.
 */
export const publishedEmbedNodeView: NodeViewRenderer = ({ node }) => {
  const dom = document.createElement('div');
  dom.className = 'published-embed';
  dom.contentEditable = 'false';
  dom.draggable = true;
  dom.setAttribute('data-testid', 'published-embed');
  const note = document.createElement('p');
  note.className = 'published-embed__note';
  note.textContent = publishedEmbedNote(node.attrs['hosts'] as string[]);
  const code = document.createElement('pre');
  code.className = 'published-embed__code';
  code.textContent = (node.attrs['html'] as string).trim();
  dom.append(note, code);
  return {
    dom,
    // Locked: its attributes never change, so there is nothing to redraw.
    update: (next) => next.type === node.type && next.attrs['html'] === node.attrs['html'],
    selectNode: () => dom.classList.add('ProseMirror-selectednode'),
    deselectNode: () => dom.classList.remove('ProseMirror-selectednode'),
    ignoreMutation: () => true,
  };
};
