import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';

let codec: BodyCodec | null = null;

/** The one codec of the app, built from the block registry on first use (it needs the browser's DOM). */
export function bodyCodec(): BodyCodec {
  codec ??= new BodyCodec(blockRegistry);
  return codec;
}
