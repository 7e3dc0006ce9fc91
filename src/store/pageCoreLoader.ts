export type PageCore = typeof import('../editor/pageCore.ts');

let loading: Promise<PageCore> | null = null;
let loaded: PageCore | null = null;

/** Loads the page core (once); the workspace starts this early so opening a page does not wait. */
export function loadPageCore(): Promise<PageCore> {
  loading ??= import('../editor/pageCore.ts').then((core) => (loaded = core));
  return loading;
}

/** The page core, which is loaded whenever a page is open. */
export function pageCore(): PageCore {
  if (!loaded) throw new Error('The page core is not loaded yet.');
  return loaded;
}
