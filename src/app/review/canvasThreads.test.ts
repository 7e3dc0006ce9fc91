import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../../extensions/registry.ts';
import { BodyCodec } from '../../core/bodyCodec.ts';
import { useJsdom } from '../../core/node/useJsdom.ts';
import { openPage } from '../../core/pageDocument.ts';
import { readSampleSiteFile } from '../../core/testing/siteFiles.ts';
import { pageBlocks } from '../../server/review/pageBlocks.ts';
import { alignBlocks, canvasBlockTexts, markerGroups } from './canvasThreads.ts';
import type { ReviewComment } from './reviewApi.ts';

useJsdom();
const codec = new BodyCodec(blockRegistry);

const comment = (id: number, blockIndex: number | null, more: Partial<ReviewComment> = {}): ReviewComment => ({
  id,
  parentId: null,
  author: { email: 'bala@agency.gov.sg', name: 'Bala Kumar' },
  body: `Comment ${id}`,
  path: 'pages/volunteer.md',
  blockIndex,
  blockText: null,
  blockEdited: false,
  outdated: false,
  resolved: false,
  resolvedBy: null,
  createdAt: '2026-12-03T10:00:00.000Z',
  ...more,
});

describe('review threads beside the canvas blocks', () => {
  it('finds every block of a saved page among the canvas blocks it opens as, HTML comments and all', () => {
    // The pages the editor saves (a markdown page is saved as HTML once edited).
    const pages = readdirSync('sample-site/pages').map((name) => readSampleSiteFile(`pages/${name}`)).filter((f) => /^variant: tiptap$/m.test(f.text));
    expect(pages.length).toBeGreaterThan(5);
    for (const { name: rel, text } of pages) {
      const saved = pageBlocks(text).map((b) => b.text);
      const canvas = canvasBlockTexts(openPage(codec, text).body.doc);
      const found = alignBlocks(saved, canvas);
      expect(found.every((j) => j !== null), rel).toBe(true);
      // In order, each on a canvas block of its own.
      expect(found).toEqual([...(found as number[])].sort((a, b) => a - b));
      expect(new Set(found).size).toBe(found.length);
    }
  });

  it('skips canvas blocks the server does not count, and pairs a block edited but not saved with the one most like it', () => {
    const saved = ['Ways to help', 'Pick the kind of volunteering that suits your week.', 'Planting days Join a morning', 'Most planting days take place on Harbour Lawn.'];
    const canvas = ['Ways to help', '', 'Pick the kind of volunteering that suits your week.', 'New block typed here', 'Tree planting days Join a morning', 'Most planting days take place on Harbour Lawn.', ''];
    expect(alignBlocks(saved, canvas)).toEqual([0, 2, 4, 5]);
    // A block deleted in the canvas has no place; the others keep theirs.
    expect(alignBlocks(saved, ['Ways to help', 'Planting days Join a morning', 'Most planting days take place on Harbour Lawn.'])).toEqual([0, null, 1, 2]);
    // Spaces do not count: the server and the canvas break lines differently.
    expect(alignBlocks(['Open daily from 8 am.'], ['Open daily from 8am.'])).toEqual([0]);
  });

  it('groups the threads by canvas block and keeps page, outdated and lost threads apart', () => {
    const saved = ['Parks', 'Open daily.', 'Dogs on a leash.'];
    const canvas = ['Parks', '', 'Open daily.'];
    const comments = [
      comment(1, 1),
      comment(2, null),
      comment(3, 1, { resolved: true }),
      { ...comment(4, null), parentId: 1 },
      comment(5, 0, { outdated: true }),
      comment(6, 2),
      comment(7, 0),
    ];
    const { groups, elsewhere } = markerGroups(saved, comments, canvas);
    expect(groups.map((g) => [g.node, g.roots.map((r) => r.id)])).toEqual([
      [0, [7]],
      [2, [1, 3]],
    ]);
    expect(elsewhere.map((r) => r.id)).toEqual([2, 5, 6]);
  });
});
