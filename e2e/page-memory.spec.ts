import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { canvasSettled, createPage, openPage } from './helpers.ts';

const BLOCKS = 300;

/**
 * The documents alive in the page (after a full garbage collection) with as many blocks as the opened
 * one: found through the prototype of the editor's own document.
 */
async function pageDocumentsAlive(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: prototype } = await cdp.send('Runtime.evaluate', {
    expression: `Object.getPrototypeOf(document.querySelector('.ProseMirror').pmViewDesc.node)`,
  });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId! });
  // (The list holds the objects further down the chain too, such as the text nodes' prototype.)
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId!,
    functionDeclaration: `function (blocks) { return this.filter((node) => node.type?.name === 'doc' && node.childCount === blocks).length; }`,
    arguments: [{ value: BLOCKS }],
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as number;
}

test('an opened page is kept as one document: the one read from the file is let go once the editor holds it', async ({ page, site }) => {
  const body = Array.from({ length: BLOCKS }, (_, i) => `<p>Paragraph ${i + 1} of a long page.</p>`).join('\n');
  createPage(site, 'pages/long-page.md', 'Long Page', body);
  const canvas = await openPage(page, site, 'Long Page');
  await expect(canvas.locator('p').last()).toHaveText(`Paragraph ${BLOCKS} of a long page.`);
  await canvasSettled(canvas);
  // Once what saving needs is worked out, nothing of the opening is still under way.
  await page.waitForFunction(() => performance.getEntriesByName('isomer:save-ready').length > 0);

  expect(await pageDocumentsAlive(page)).toBe(1);
});
