// @vitest-environment node
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../extensions/registry.ts';
import { useJsdom } from './node/useJsdom.ts';
import { createSanitizer } from './sanitize.ts';

useJsdom();
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const sanitizer = createSanitizer(blockRegistry);
const MARKUP = '<p>Kept</p><script>alert(1)</script><p onclick="x()">Also kept</p>';

/** Whether the document behind `ref` is still alive after a full collection (a weak reference lets go only after its job). */
async function alive(ref: WeakRef<object>): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  return ref.deref() !== undefined;
}

describe('the sanitiser holds nothing of the markup it read', () => {
  it('lets go of the document it parsed once the caller is done with the body it handed back', async () => {
    let parsed: WeakRef<Document> | null = null;
    (() => {
      const body = sanitizer.parseClean('<p>A clean page</p>');
      expect(body?.innerHTML).toBe('<p>A clean page</p>');
      parsed = new WeakRef(body!.ownerDocument);
    })();
    expect(await alive(parsed!)).toBe(false);
  });

  it('still reports what it removed, and declines a parse that removed something', () => {
    expect(sanitizer.sanitize(MARKUP).removed.map((r) => r.what)).toEqual(['<script> element', 'onclick attribute on <p>']);
    expect(sanitizer.parseClean(MARKUP)).toBeNull();
  });
});
