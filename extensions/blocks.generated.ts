// Written by `isomer-editor blocks` (and at build time): every folder under extensions/ with an index.ts.
// Do not edit: add or remove a block folder instead.
import type { BlockDefinition } from '../src/core/blockDefinition.ts';
import { accordionBlock } from './accordion/index.ts';
import { cardGridBlock } from './card-grid/index.ts';
import { containerBlock } from './container/index.ts';
import { dividerBlock } from './divider/index.ts';
import { embedBlock } from './embed/index.ts';
import { imageBlock } from './image/index.ts';
import { pageStylesBlock } from './page-styles/index.ts';
import { rawHtmlBlock } from './raw-html/index.ts';
import { tableBlock } from './table/index.ts';
import { textBlock } from './text/index.ts';

export const foundBlocks: readonly BlockDefinition[] = [accordionBlock, cardGridBlock, containerBlock, dividerBlock, embedBlock, imageBlock, pageStylesBlock, rawHtmlBlock, tableBlock, textBlock];
