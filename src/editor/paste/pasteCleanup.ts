import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedHtml } from './cleanPastedHtml.ts';

export interface PasteCleanupOptions {
  /** The app's sanitiser: runs after the cleaning, so nothing blocked reaches the editor. */
  sanitize: (html: string) => string;
  /** Called when a paste left images out (never inserted silently). */
  onImagesLeftOut: (count: number) => void;
}

export const pasteCleanupKey = new PluginKey('pasteCleanup');

/** Cleans pasted HTML (Word, Google Docs, web pages), sanitises it, and refuses pasted image files. */
export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: 'pasteCleanup',

  addOptions() {
    return { sanitize: (html: string) => html, onImagesLeftOut: () => {} };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: pasteCleanupKey,
        props: {
          transformPastedHTML(html) {
            const cleaned = cleanPastedHtml(html);
            if (cleaned.removedImages > 0) options.onImagesLeftOut(cleaned.removedImages);
            return options.sanitize(cleaned.html);
          },
          handlePaste(_view, event) {
            const data = event.clipboardData;
            if (!data) return false;
            const files = Array.from(data.files ?? []).filter((f) => f.type.startsWith('image/'));
            // An image file with no text beside it (a screenshot): nothing to paste but the picture.
            if (files.length > 0 && !data.getData('text/html') && !data.getData('text/plain')) {
              options.onImagesLeftOut(files.length);
              return true;
            }
            return false;
          },
          handleDrop(_view, event) {
            const files = Array.from((event as DragEvent).dataTransfer?.files ?? []).filter((f) => f.type.startsWith('image/'));
            if (files.length === 0) return false;
            options.onImagesLeftOut(files.length);
            return true;
          },
        },
      }),
    ];
  },
});
