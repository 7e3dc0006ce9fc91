import { lazyModule } from '../core/lazyModule.ts';

export type FrontMatterCore = typeof import('../editor/frontMatterCore.ts');

const frontMatterCore = lazyModule<FrontMatterCore>(() => import('../editor/frontMatterCore.ts'));

/** Loads the front-matter core (the YAML parser), once. */
export const loadFrontMatterCore = frontMatterCore.load;

/** The front-matter core when it is loaded, else null. */
export function loadedFrontMatterCore(): FrontMatterCore | null {
  return frontMatterCore.loaded() ?? null;
}
