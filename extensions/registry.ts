import type { BlockDefinition } from '../src/core/blockDefinition.ts';
import { accordionBlock } from './accordion/index.ts';
import { embedBlock } from './embed/index.ts';
import { tableBlock } from './table/index.ts';
import { cardGridBlock } from './card-grid/index.ts';
import { dividerBlock } from './divider/index.ts';
import { imageBlock } from './image/index.ts';
import { rawHtmlBlock } from './raw-html/index.ts';
import { textBlock } from './text/index.ts';
import { containerBlock } from './container/index.ts';
import { pageStylesBlock } from './page-styles/index.ts';

/** Every block of the editor. Adding a block is adding its folder and one line here. */
export const blockRegistry: readonly BlockDefinition[] = [textBlock, rawHtmlBlock, imageBlock, cardGridBlock, dividerBlock, accordionBlock, embedBlock, tableBlock, containerBlock, pageStylesBlock];
