import type { BlockDefinition } from '../src/core/blockDefinition.ts';
import { foundBlocks } from './blocks.generated.ts';

/**
 * Every block of the editor, by `order`. Blocks are found, not listed: a folder under `extensions/` with
 * an `index.ts` exporting `<camelCaseName>Block` is registered (see `src/cli/blockFolders.ts`).
 */
export const blockRegistry: readonly BlockDefinition[] = [...foundBlocks].sort((a, b) => a.order - b.order);
