import { describe, expect, it } from 'vitest';
import { checkFrontMatter } from './frontMatterSchema.ts';

// No useJsdom() here on purpose: without a DOM to judge printed markup with, nothing passes unjudged.
describe('front matter checked without a DOM', () => {
  it('holds back markup it cannot judge, with an error that says so', () => {
    const check = checkFrontMatter({ title: '<img src=x onerror=alert(1)>', permalink: '/a/' });
    expect(check.errors).toContainEqual({
      key: '',
      severity: 'error',
      message: expect.stringMatching(/^The page settings could not be checked for unsafe markup: No DOM is available/),
    });
  });

  it('still passes text that holds no markup at all', () => {
    expect(checkFrontMatter({ title: 'Park Rules', permalink: '/park-rules/', description: 'Opening hours and rules.' }).errors).toEqual([]);
  });
});
