/** The build check of review requests: real builds with Jekyll of a real git repository's change sets. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import type { ReviewBuildCheck } from './reviewBuildCheck.ts';
import type { ReviewRequest } from './reviewService.ts';
import { ANNA, BALA, reviewFixture, type ReviewFixture } from './testReview.ts';

// No layout: the fixture site's stand-in layout prints no body (a real site's comes from its theme, and the offline build has none).
const page = (permalink: string, body: string) => `---\ntitle: Plans\npermalink: ${permalink}\nlayout: null\n---\n${body}\n`;

describe('the build check of a review request', () => {
  let f: ReviewFixture;
  beforeEach(async () => {
    f = await reviewFixture(testDatabaseTargets[0]!, { buildChecks: true });
  });
  afterEach(async () => {
    await f.close();
  });

  /** The check of the request's latest changes, once both builds (its own and the published site's) are done. */
  async function finished(id: number): Promise<Extract<ReviewBuildCheck, { state: 'done' }>> {
    for (;;) {
      const check = await f.service.buildCheck(await f.service.get(id));
      if (check?.state === 'done') return check;
      expect(check?.state).toBe('checking');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('warns of a link to a missing page the changes add, apart from what the published site already has', async () => {
    await f.save(ANNA, 'pages/plans.md', page('/plans/', '<p>Read <a href="/no-such-page/">the plan</a> and <a href="/contact-us/">ask us</a>.</p>'));
    const req: ReviewRequest = await f.service.create(ANNA, { title: 'Plans', reviewers: [BALA.email] });
    const check = await finished(req.id);
    expect(check.outcome).toBe('warnings');
    expect(check.brokenLinks).toEqual([{ page: '/plans/', href: '/no-such-page/', target: '/no-such-page/', alreadyPublished: false }]);
    // The fixture site's page with broken front matter is published already: not these changes' doing.
    expect(check.problems).toEqual([expect.objectContaining({ kind: 'yaml', file: 'pages/broken.md', alreadyPublished: true })]);
  });

  it('says the site does not build with a broken Liquid tag: the requester cannot publish, an admin only knowingly', async () => {
    await f.save(ANNA, 'pages/plans.md', page('/plans/', '<p>{% if page.title %}Never closed</p>'));
    const req = await f.service.create(ANNA, { title: 'Plans', reviewers: [BALA.email] });
    const check = await finished(req.id);
    expect(check.outcome).toBe('failed');
    expect(check.problems).toContainEqual(expect.objectContaining({ kind: 'liquid', fatal: true, file: 'pages/plans.md', alreadyPublished: false }));

    await f.service.setRequesterMayPublish(BALA, true);
    await f.service.approve(BALA, req.id);
    await expect(f.service.publish(ANNA, req.id)).rejects.toThrow(/does not build with these changes: fix the build errors/);
    await expect(f.service.publish(BALA, req.id)).rejects.toThrow(/does not build with these changes\. Publish anyway only if you are sure/);
    expect((await f.service.publish(BALA, req.id, { despiteBuildFailure: true })).request.state).toBe('published');
    // Published: no more check.
    expect(await f.service.buildCheck(await f.service.get(req.id))).toBeNull();
  });

  it('starts checking a new commit as it arrives, and a clean change shows nothing new', async () => {
    await f.save(ANNA, 'pages/plans.md', page('/plans/', '<p>{% if page.title %}Never closed</p>'));
    const req = await f.service.create(ANNA, { title: 'Plans', reviewers: [BALA.email] });
    expect((await finished(req.id)).outcome).toBe('failed');
    await f.save(ANNA, 'pages/plans.md', page('/plans/', '<p>Fixed: <a href="/contact-us/">ask us</a></p>'));
    await f.service.checkCommit(req.branch);
    const check = await finished(req.id);
    expect(check.outcome).toBe('warnings');
    expect(check.brokenLinks).toEqual([]);
    expect(check.problems.every((p) => p.alreadyPublished)).toBe(true);
  });
});
