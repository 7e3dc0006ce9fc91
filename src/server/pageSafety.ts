/**
 * The server refuses to write a page whose settings would run on the published site, whoever sends it:
 * the editor refuses such a save itself, but the API must not rely on that.
 */
import { frontMatterSafetyIssues } from '../core/frontMatterSchema.ts';
import { frontMatterData, readPageFile } from '../core/pageFile.ts';
import { HttpError } from './errors.ts';

/** Throws 400 naming each unsafe setting; settings that do not parse are written as they are, like the editor does. */
export function refuseUnsafePage(text: string): void {
  const file = readPageFile(text);
  if (!file.hasFrontMatter || file.frontMatterError) return;
  const unsafe = frontMatterSafetyIssues(frontMatterData(file)).filter((i) => i.severity === 'error');
  if (unsafe.length === 0) return;
  throw new HttpError(400, `the page settings are unsafe: ${unsafe.map((i) => `${i.key}: ${i.message}`).join(' ')}`, {
    unsafe: unsafe.map(({ key, message }) => ({ key, message })),
  });
}
