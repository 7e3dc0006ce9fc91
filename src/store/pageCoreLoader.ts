import { lazyModule } from '../core/lazyModule.ts';

export type PageCore = typeof import('../editor/pageCore.ts');

const core = lazyModule<PageCore>(() => import('../editor/pageCore.ts'));

/** Loads the page core (once); the workspace starts this early so opening a page does not wait. */
export const loadPageCore = core.load;

/** The page core, which is loaded whenever a page is open. */
export function pageCore(): PageCore {
  const loaded = core.loaded();
  if (!loaded) throw new Error('The page core is not loaded yet.');
  return loaded;
}
