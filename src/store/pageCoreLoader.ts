import { lazyModule } from '../core/lazyModule.ts';

export type PageCore = typeof import('../editor/pageCore.ts');

// The codec is built as soon as its code is in, when the browser next has a moment: a page it reads is
// often still on its way then, and building the codec (the block schema) need not wait for it.
const core = lazyModule<PageCore>(() =>
  import('../editor/pageCore.ts').then((loaded) => {
    setTimeout(() => {
      try {
        loaded.bodyCodec();
      } catch {
        // Built again when a page is read, which then reports why it cannot be.
      }
    }, 0);
    return loaded;
  }),
);

/** Loads the page core (once); the workspace starts this early so opening a page does not wait. */
export const loadPageCore = core.load;

/** The page core, which is loaded whenever a page is open. */
export function pageCore(): PageCore {
  const loaded = core.loaded();
  if (!loaded) throw new Error('The page core is not loaded yet.');
  return loaded;
}

/**
 * The editing screen's component. A page is marked ready only once it has loaded, so the screen
 * renders it straight away: shown through `React.lazy` it would first suspend, and React holds back
 * the content that replaces a fallback, a large page's canvas included, for a few hundred milliseconds.
 */
export const openPageEditorModule = lazyModule(() => import('../app/OpenPageEditor.tsx'));
