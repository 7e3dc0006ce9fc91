/** Review requests on a real git repository (a bare remote and clones) and a real store, SQLite and PostgreSQL. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../db/auditLog.ts';
import { testDatabaseTargets } from '../db/testDatabases.ts';
import { publishElsewhere } from '../git/testRepo.ts';
import { mailText } from '../team/testTeamServer.ts';
import { ANNA, BALA, CHEN, DEVI, PAGE, pageText, reviewFixture, type ReviewFixture } from './testReview.ts';

describe.each(testDatabaseTargets)('review requests on $name', (target) => {
  let f: ReviewFixture;
  beforeEach(async () => {
    f = await reviewFixture(target);
  });
  afterEach(async () => {
    await f.close();
  });

  it('goes from request to publish: reviewers are other admins, a new commit withdraws an approval, the merge names its approver and is pushed', async () => {
    const { service } = f;
    await expect(service.create(ANNA, { title: 'Nothing yet', reviewers: [BALA.email] })).rejects.toThrow(/no changes/);
    await f.save(ANNA, PAGE, pageText('<p>Hello</p>\n<p>We look after the parks.</p>'));
    await f.save(ANNA, 'pages/contact-us.md', '---\nlayout: contact_us\ntitle: Contact\npermalink: /contact-us/\n---\n');
    await expect(service.create(ANNA, { title: 'About', reviewers: [DEVI.email] })).rejects.toThrow(/not an admin/);
    await expect(service.create(CHEN, { title: 'Mine', reviewers: [CHEN.email] })).rejects.toThrow(/cannot review your own/);

    const req = await service.create(ANNA, { title: 'About us text', description: 'New sentence.', reviewers: [BALA.email] });
    expect(req.state).toBe('open');
    expect(await service.changedFiles(req.branch)).toEqual([
      { status: 'M', path: PAGE },
      { status: 'M', path: 'pages/contact-us.md' },
    ]);
    await expect(service.create(ANNA, { title: 'Again', reviewers: [BALA.email] })).rejects.toThrow(/already under review/);
    // Bala is told, in the app and by email.
    expect((await service.notifications(BALA)).map((n) => n.kind)).toEqual(['review-requested']);
    expect(mailText((await f.smtp.nextTo(BALA.email)).raw)).toContain('Anna Tan asks you to review "About us text"');

    await expect(service.approve(ANNA, req.id)).rejects.toThrow(/Only admins/);
    await expect(service.publish(ANNA, req.id)).rejects.toThrow(/Only an admin may publish/);

    const approved = await service.approve(BALA, req.id, 'Looks right.');
    expect(approved.state).toBe('approved');
    // A new commit after the approval withdraws it.
    await f.save(ANNA, PAGE, pageText('<p>Hello</p>\n<p>We look after all the parks.</p>'));
    expect((await service.get(req.id)).state).toBe('open');
    expect((await service.decisions(req.id))[0]!.withdrawn).toBe(true);
    await service.requestChanges(BALA, req.id, 'Say which parks.');
    expect((await service.get(req.id)).state).toBe('changes_requested');
    await f.save(ANNA, PAGE, pageText('<p>Hello</p>\n<p>We look after the city parks.</p>'));
    expect((await service.approve(BALA, req.id)).state).toBe('approved');

    // The requester may publish an approved request only when the site allows it.
    await expect(service.publish(ANNA, req.id)).rejects.toThrow(/Only an admin may publish/);
    await expect(service.setRequesterMayPublish(ANNA, true)).rejects.toThrow(/Only admins/);
    await service.setRequesterMayPublish(BALA, true);
    const result = await service.publish(ANNA, req.id);
    expect(result.pushed).toBe(true);
    expect(result.request.state).toBe('published');

    const log = await f.out(f.t.siteDir, 'log', '-1', '--format=%an%n%P%n%B', 'main');
    expect(log).toContain('Anna Tan\n');
    expect(log.split('\n')[1]!.split(' ')).toHaveLength(2);
    expect(log).toContain('Publish review request #1: About us text');
    expect(log).toContain('Approved by: Bala Kumar <bala@example.gov.sg>');
    expect((await f.out(f.t.remote, 'rev-parse', 'main')).trim()).toBe(result.commit);
    // The site folder shows what is published.
    expect(await readFile(path.join(f.t.siteDir, '_about', 'Who we are?.md'), 'utf8')).toContain('city parks');
    const audit = await readAudit(f.database.db);
    expect(audit.find((e) => e.action === 'publish')).toMatchObject({ actor: ANNA.email, detail: { request: 1, approvers: [BALA.email], commit: result.commit } });
    await expect(service.approve(BALA, req.id)).rejects.toThrow(/already published/);
    expect((await service.notifications(BALA)).map((n) => n.kind)).toContain('published');
  });

  it('lets an admin requester be reviewed only by another admin, and an admin publish', async () => {
    await f.save(CHEN, PAGE, pageText('<p>Hi</p>'));
    const req = await f.service.create(CHEN, { title: 'Greeting', reviewers: [BALA.email] });
    await expect(f.service.approve(CHEN, req.id)).rejects.toThrow(/your own request/);
    await f.service.approve(BALA, req.id);
    const result = await f.service.publish(CHEN, req.id);
    expect(await f.out(f.t.siteDir, 'log', '-1', '--format=%B', 'main')).toContain('Approved by: Bala Kumar');
    expect(result.pushed).toBe(true);
  });

  it('brings the second request on the same page up to date before publishing it, and refuses when both changed the same lines', async () => {
    const base = (a: string, b: string) => pageText(`<p>${a}</p>\n\n<p>middle</p>\n\n<p>${b}</p>`);
    await publishElsewhere(f.t, { [PAGE]: base('one', 'two') });
    await f.save(ANNA, PAGE, base('ONE', 'two'));
    await f.save(DEVI, PAGE, base('one', 'TWO'));
    const first = await f.service.create(ANNA, { title: 'First', reviewers: [BALA.email] });
    const second = await f.service.create(DEVI, { title: 'Second', reviewers: [BALA.email] });
    await f.service.approve(BALA, first.id);
    await f.service.approve(BALA, second.id);
    await f.service.publish(BALA, first.id);
    // Devi is told the page was published under her.
    expect((await f.service.notifications(DEVI)).some((n) => n.kind === 'published-overlap' && n.message.includes(PAGE))).toBe(true);
    const result = await f.service.publish(BALA, second.id);
    const published = await f.out(f.t.siteDir, 'show', `main:${PAGE}`);
    expect(published).toContain('<p>ONE</p>');
    expect(published).toContain('<p>TWO</p>');
    expect((await f.out(f.t.remote, 'rev-parse', 'main')).trim()).toBe(result.commit);

    // Same lines changed on both sides: refused with the pages named.
    await f.save(ANNA, PAGE, base('Anna says', 'TWO'));
    await f.save(DEVI, PAGE, base('Devi says', 'TWO'));
    const a = await f.service.create(ANNA, { title: 'Anna again', reviewers: [BALA.email] });
    const d = await f.service.create(DEVI, { title: 'Devi again', reviewers: [BALA.email] });
    await f.service.publish(BALA, a.id);
    const tip = await f.out(f.t.siteDir, 'rev-parse', 'main');
    await expect(f.service.publish(BALA, d.id)).rejects.toThrow(/changed _about\/Who we are\?\.md since these changes were made/);
    expect(await f.out(f.t.siteDir, 'rev-parse', 'main')).toBe(tip);
    expect((await f.service.get(d.id)).state).toBe('open');
  });

  it('keeps comments on their block when the page changes, and marks them outdated when the block is gone', async () => {
    await f.save(ANNA, PAGE, pageText('<h2>Parks</h2>\n<p>We look after the parks.</p>\n<p>Open daily.</p>'));
    const req = await f.service.create(ANNA, { title: 'Parks', reviewers: [BALA.email] });
    const onOpen = await f.service.comment(BALA, req.id, { body: 'Which hours?', path: PAGE, blockIndex: 2 });
    expect(onOpen).toMatchObject({ blockIndex: 2, blockText: 'Open daily.', outdated: false });
    const onParks = await f.service.comment(BALA, req.id, { body: 'Name them.', path: PAGE, blockIndex: 1 });
    const onPage = await f.service.comment(BALA, req.id, { body: 'Add a photo.', path: PAGE });
    const reply = await f.service.comment(ANNA, req.id, { body: 'Will do.', parentId: onPage.id });
    expect(reply.parentId).toBe(onPage.id);
    await expect(f.service.comment(BALA, req.id, { body: 'x', path: PAGE, blockIndex: 9 })).rejects.toThrow(/no block 9/);
    expect(mailText((await f.smtp.nextTo(ANNA.email)).raw)).toContain('Bala Kumar commented on _about/Who we are?.md');

    // A block added above moves "Open daily." down; the parks sentence is edited a little.
    await f.save(ANNA, PAGE, pageText('<h2>Parks</h2>\n<p>New intro.</p>\n<p>We look after six parks.</p>\n<p>Open daily.</p>'));
    let comments = await f.service.comments(req.id);
    expect(comments.find((c) => c.id === onOpen.id)).toMatchObject({ blockIndex: 3, blockEdited: false, outdated: false });
    expect(comments.find((c) => c.id === onParks.id)).toMatchObject({ blockIndex: 2, blockText: 'We look after the parks.', blockEdited: true, outdated: false });
    expect(comments.find((c) => c.id === onPage.id)).toMatchObject({ blockIndex: null, outdated: false });
    // Edited again, a little from the last version: the thread follows; then rewritten: outdated.
    await f.save(ANNA, PAGE, pageText('<h2>Parks</h2>\n<p>New intro.</p>\n<p>We look after six city parks.</p>\n<p>Open daily.</p>'));
    expect((await f.service.comments(req.id)).find((c) => c.id === onParks.id)).toMatchObject({ blockIndex: 2, blockEdited: true, outdated: false });
    await f.save(ANNA, PAGE, pageText('<h2>Parks</h2>\n<p>Open daily.</p>\n<p>Dogs on a leash, please.</p>'));
    comments = await f.service.comments(req.id);
    expect(comments.find((c) => c.id === onParks.id)).toMatchObject({ blockText: 'We look after the parks.', outdated: true });
    expect(comments.find((c) => c.id === onOpen.id)).toMatchObject({ blockIndex: 1, outdated: false });
    // The sentence back as it last was: the thread is on it again.
    await f.save(ANNA, PAGE, pageText('<h2>Parks</h2>\n<p>We look after six city parks.</p>\n<p>Open daily.</p>'));
    expect((await f.service.comments(req.id)).find((c) => c.id === onParks.id)).toMatchObject({ blockIndex: 1, outdated: false });

    await expect(f.service.resolve(ANNA, req.id, reply.id)).rejects.toThrow(/Resolve the thread/);
    await expect(f.service.resolve(DEVI, req.id, onPage.id)).rejects.toThrow(/Only the requester/);
    await expect(f.service.comment(BALA, req.id, { body: 'x', parentId: 'abc' })).rejects.toThrow(/parentId/);
    expect(await f.service.resolve(ANNA, req.id, onPage.id)).toMatchObject({ resolved: true, resolvedBy: ANNA.email });
  });

  it('closes a request without publishing and revokes its share links', async () => {
    await f.save(ANNA, PAGE, pageText('<p>Bye</p>'));
    const req = await f.service.create(ANNA, { title: 'Bye', reviewers: [BALA.email] });
    const link = await f.service.createShareLink(ANNA, req.id, 1);
    const token = link.url.split('/share/')[1]!.replace(/\/$/, '');
    expect(await f.service.shareTarget(token)).toEqual({ requestId: req.id, branch: req.branch });
    await expect(f.service.close(DEVI, req.id)).rejects.toThrow(/Only the requester or an admin/);
    expect((await f.service.close(ANNA, req.id)).state).toBe('closed');
    expect(await f.service.shareTarget(token)).toBeNull();
    const tip = await f.out(f.t.siteDir, 'rev-parse', 'main');
    await expect(f.service.publish(BALA, req.id)).rejects.toThrow(/closed/);
    expect(await f.out(f.t.siteDir, 'rev-parse', 'main')).toBe(tip);
  });

  it('refuses to publish over changes nobody committed in the site folder, leaving them and the branch alone', async () => {
    await f.save(ANNA, PAGE, pageText('<p>Published text</p>'));
    const req = await f.service.create(ANNA, { title: 'Text', reviewers: [BALA.email] });
    const local = path.join(f.t.siteDir, 'README.md');
    await writeFile(local, '# changed by hand\n');
    const tip = await f.out(f.t.siteDir, 'rev-parse', 'main');
    await expect(f.service.publish(BALA, req.id)).rejects.toThrow(/changes nobody committed on main/);
    expect(await readFile(local, 'utf8')).toBe('# changed by hand\n');
    expect(await f.out(f.t.siteDir, 'rev-parse', 'main')).toBe(tip);
  });
});
