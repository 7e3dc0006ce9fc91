export type FrontMatterCore = typeof import('../editor/frontMatterCore.ts');

let loading: Promise<FrontMatterCore> | null = null;
let loaded: FrontMatterCore | null = null;

/** Loads the front-matter core (the YAML parser), once. */
export function loadFrontMatterCore(): Promise<FrontMatterCore> {
  loading ??= import('../editor/frontMatterCore.ts').then((core) => (loaded = core));
  return loading;
}

/** The front-matter core when it is loaded, else null. */
export function loadedFrontMatterCore(): FrontMatterCore | null {
  return loaded;
}
