import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';

let codec: BodyCodec | null = null;

/**
 * The one codec of the app, built from the block registry on first use (it needs the browser's DOM).
 * It leaves the containers' child sources, which only saving needs, for the editor to fill in when
 * idle (`sourceTracking.ts`).
 */
export function bodyCodec(): BodyCodec {
  if (!codec) {
    codec = new BodyCodec(blockRegistry);
    codec.deferChildSources = true;
  }
  return codec;
}
