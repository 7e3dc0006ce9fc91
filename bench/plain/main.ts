/**
 * The benchmark's baseline: a plain TipTap editor (StarterKit, tables, details and a minimal image
 * node, no React) that loads a page body from the site server and saves it back. It runs the same
 * measurements as the real editor, so the two can be compared as ratios.
 */
import { Editor, Node } from '@tiptap/core';
import { Details, DetailsContent, DetailsSummary } from '@tiptap/extension-details';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

declare global {
  interface Window {
    __benchEditor?: Editor;
    __benchCreated?: number;
    __benchError?: string;
  }
}

const Image = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, alt: { default: null }, style: { default: null }, width: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'img[src]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['img', HTMLAttributes];
  },
});

const token = document.querySelector<HTMLMetaElement>('meta[name="isomer-editor-token"]')?.content ?? '';
const path = new URLSearchParams(location.search).get('path') ?? '';
const status = document.getElementById('status')!;

async function main() {
  const response = await fetch(`/api/page?path=${encodeURIComponent(path)}`, { headers: { 'X-Isomer-Token': token }, cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  const page = (await response.json()) as { text: string; etag: string };
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(page.text);
  const frontMatter = match ? match[0] : '';
  const body = page.text.slice(frontMatter.length);
  let etag = page.etag;

  const editor = new Editor({
    element: document.getElementById('editor')!,
    extensions: [StarterKit, TableKit, Details, DetailsSummary, DetailsContent, Image],
    content: body,
  });
  // The `create` event fires in a later timer: readiness is marked here, right after construction.
  window.__benchCreated = performance.now();
  window.__benchEditor = editor;
  editor.on('update', () => {
    status.textContent = 'Unsaved changes';
  });

  document.getElementById('save')!.addEventListener('click', async () => {
    status.textContent = 'Saving…';
    const text = frontMatter + editor.getHTML();
    const saved = await fetch(`/api/page?path=${encodeURIComponent(path)}`, {
      method: 'PUT',
      headers: { 'X-Isomer-Token': token, 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify({ text }),
    });
    if (!saved.ok) {
      status.textContent = `Not saved (${saved.status})`;
      return;
    }
    etag = ((await saved.json()) as { etag: string }).etag;
    status.textContent = 'Saved';
  });
}

main().catch((error: unknown) => {
  window.__benchError = error instanceof Error ? error.message : String(error);
  status.textContent = `Error: ${window.__benchError}`;
});
