import type { BlockDefinition } from '../src/core/blockDefinition.ts';
import { rawHtmlBlock } from './raw-html/index.ts';
import { textBlock } from './text/index.ts';

/** Every block of the editor. Adding a block is adding its folder and one line here. */
export const blockRegistry: readonly BlockDefinition[] = [textBlock, rawHtmlBlock];
