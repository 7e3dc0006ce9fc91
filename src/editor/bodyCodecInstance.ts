import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';

let codec: BodyCodec | null = null;

/**
 * The one codec of the app, built from the block registry on first use (it needs the browser's DOM).
 * It leaves the blocks' render-back checks and the containers' child sources, which the page does not
 * need to show, for the editor to finish when idle (`sourceTracking.ts`).
 */
export function bodyCodec(): BodyCodec {
  if (!codec) {
    codec = new BodyCodec(blockRegistry);
    codec.deferChildSources = true;
    codec.deferRenderChecks = true;
  }
  return codec;
}
