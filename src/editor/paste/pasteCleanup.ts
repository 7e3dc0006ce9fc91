import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { lazyModule } from '../../core/lazyModule.ts';

export interface PasteCleanupOptions {
  /** The app's sanitiser: runs after the cleaning, so nothing blocked reaches the editor. */
  sanitize: (html: string) => string;
  /** Called when a paste left images out (never inserted silently). */
  onImagesLeftOut: (count: number) => void;
}

export const pasteCleanupKey = new PluginKey('pasteCleanup');

/**
 * The cleaner is not needed to show a page: it loads when the editor is first focused or something is
 * dragged over it, and a paste that comes before it has loaded waits for it.
 */
const pasteCleaner = lazyModule(() => import('./cleanPastedHtml.ts'));

/** Loads the paste cleaner (tests call it before pasting through `view.pasteHTML`). */
export const loadPasteCleaner = () => pasteCleaner.load();

/** Cleans pasted HTML (Word, Google Docs, web pages), sanitises it, and refuses pasted image files. */
export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: 'pasteCleanup',

  addOptions() {
    return { sanitize: (html: string) => html, onImagesLeftOut: () => {} };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const preload = () => {
      void pasteCleaner.load().catch(() => {});
      return false;
    };
    return [
      new Plugin({
        key: pasteCleanupKey,
        props: {
          handleDOMEvents: {
            focus: preload,
            dragenter: preload,
            paste(view, event) {
              const html = event.clipboardData?.getData('text/html');
              if (pasteCleaner.loaded() || !html) return false;
              // Not loaded yet: paste the same markup once the cleaner is here.
              event.preventDefault();
              const paste = () => view.isDestroyed || view.pasteHTML(html, event);
              void pasteCleaner.load().then(paste, paste);
              return true;
            },
          },
          transformPastedHTML(html) {
            const cleaner = pasteCleaner.loaded();
            // Without the cleaner (it failed to load), the sanitiser alone still guards the page.
            if (!cleaner) return options.sanitize(html);
            const cleaned = cleaner.cleanPastedHtml(html);
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
