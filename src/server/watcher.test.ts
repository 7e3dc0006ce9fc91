/**
 * The page watcher on a real folder: the list from memory stays equal to reading every page, and
 * changes made by another program are noticed through the folder watches alone (its full scan is
 * set to an hour here, so nothing below is found by polling).
 */
import { mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { etagOf } from './etag.ts';
import { listPages } from './pages.ts';
import { makeTestSite, type TestSite } from './testSite.ts';
import { PageWatcher, type PageEvent } from './watcher.ts';

let site: TestSite;
let watcher: PageWatcher;
let events: PageEvent[];

const file = (rel: string) => path.join(site.siteDir, ...rel.split('/'));
const page = (title: string) => `---\ntitle: ${title}\n---\n<p>${title}</p>\n`;

/** Waits until `until` holds for the events so far (the watch reports within milliseconds; 5 s is generous). */
async function eventsUntil(until: (e: PageEvent[]) => boolean): Promise<PageEvent[]> {
  const deadline = Date.now() + 5000;
  while (!until(events) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    await watcher.settled();
  }
  return events;
}

beforeEach(async () => {
  site = await makeTestSite();
  watcher = new PageWatcher(site.siteDir, { intervalMs: 3_600_000 });
  events = [];
  watcher.subscribe((e) => events.push(e));
  await watcher.list();
});
afterEach(async () => {
  watcher.close();
  await site.cleanup();
});

describe('PageWatcher', () => {
  it('lists what reading every page lists', async () => {
    expect(await watcher.list()).toEqual(await listPages(site.siteDir));
    expect(watcher.watchedFolders).toBeGreaterThan(3);
  });

  it('notices a page changed, added in a new folder, and removed by another program, and lists them so', async () => {
    await writeFile(file('pages/contact-us.md'), page('Call us'));
    await mkdir(file('pages/new/deeper'), { recursive: true });
    await writeFile(file('pages/new/deeper/added.md'), page('Added'));
    await rm(file('pages/datagov.md'));
    await eventsUntil((e) => e.length >= 3);
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'changed', path: 'pages/contact-us.md', etag: etagOf(Buffer.from(page('Call us'))) },
        { type: 'added', path: 'pages/new/deeper/added.md', etag: etagOf(Buffer.from(page('Added'))) },
        { type: 'removed', path: 'pages/datagov.md' },
      ]),
    );
    const listed = await watcher.list();
    expect(listed.find((p) => p.path === 'pages/contact-us.md')?.title).toBe('Call us');
    expect(listed.find((p) => p.path === 'pages/new/deeper/added.md')?.title).toBe('Added');
    expect(listed).toEqual(await listPages(site.siteDir));
  });

  it('notices a folder moved away and moved back, page by page', async () => {
    const below = (await watcher.list()).filter((p) => p.path.startsWith('_about/')).map((p) => p.path);
    expect(below.length).toBeGreaterThan(1);
    await rename(file('_about'), path.join(site.base, 'about-away'));
    await eventsUntil((e) => e.filter((x) => x.type === 'removed').length >= below.length);
    expect(events.filter((e) => e.type === 'removed').map((e) => e.path).sort()).toEqual(below.sort());
    expect((await watcher.list()).some((p) => p.path.startsWith('_about/'))).toBe(false);

    events = [];
    await rename(path.join(site.base, 'about-away'), file('_about'));
    await eventsUntil((e) => e.length >= below.length);
    expect(events.map((e) => `${e.type} ${e.path}`).sort()).toEqual(below.map((p) => `added ${p}`).sort());
    // A page written in the folder moved back is noticed too: the folder is watched again.
    await writeFile(file('_about/Our Parks/Lakes.md'), page('Lakes again'));
    await eventsUntil((e) => e.some((x) => x.type === 'changed'));
    expect((await watcher.list()).find((p) => p.path === '_about/Our Parks/Lakes.md')?.title).toBe('Lakes again');
    expect(await watcher.list()).toEqual(await listPages(site.siteDir));
  });

  it('does not report the server’s own writes nor a file touched with the same bytes, yet lists them at once', async () => {
    const text = page('By the editor');
    watcher.expect('pages/contact-us.md', etagOf(Buffer.from(text)));
    await writeFile(file('pages/contact-us.md'), text);
    // Listed right after the write, whether or not the watch has reported it yet.
    expect((await watcher.list()).find((p) => p.path === 'pages/contact-us.md')?.title).toBe('By the editor');
    const later = new Date(Date.now() + 5000);
    await utimes(file('pages/datagov.md'), later, later);
    // A change by another program after both, so that waiting for it proves the two above were looked at.
    await writeFile(file('index.md'), page('Home'));
    await eventsUntil((e) => e.length >= 1);
    expect(events.map((e) => `${e.type} ${e.path}`)).toEqual(['changed index.md']);
  });

  it('skips machinery folders and follows the resources name of _config.yml', async () => {
    await mkdir(file('_site/pages'), { recursive: true });
    await writeFile(file('_site/pages/built.md'), page('Built'));
    await mkdir(file('blog/press/_posts'), { recursive: true });
    await writeFile(file('blog/press/_posts/2024-01-01-post-A.md'), page('A'));
    await eventsUntil((e) => e.length >= 1);
    expect(events.map((e) => e.path)).toEqual(['blog/press/_posts/2024-01-01-post-A.md']);
    const categoryOf = async (rel: string) => (await watcher.list()).find((p) => p.path === rel)?.resourceCategory;
    expect(await categoryOf('blog/press/_posts/2024-01-01-post-A.md')).toBeNull();
    expect(await categoryOf('news-and-events/press/_posts/2020-01-27-post-Launch.md')).toBe('press');

    const config = await readFile(file('_config.yml'), 'utf8');
    await writeFile(file('_config.yml'), config.replace('resources_name: news-and-events', 'resources_name: blog'));
    const deadline = Date.now() + 5000;
    while ((await categoryOf('blog/press/_posts/2024-01-01-post-A.md')) !== 'press' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await categoryOf('blog/press/_posts/2024-01-01-post-A.md')).toBe('press');
    expect(await categoryOf('news-and-events/press/_posts/2020-01-27-post-Launch.md')).toBeNull();
    expect(await watcher.list()).toEqual(await listPages(site.siteDir));
  });

  it('watches again a site folder removed and made again, from its next full scan', async () => {
    await rm(site.siteDir, { recursive: true });
    await mkdir(file('pages'), { recursive: true });
    await writeFile(file('pages/only.md'), page('Only'));
    await watcher.poll();
    expect((await watcher.list()).map((p) => p.path)).toEqual(['pages/only.md']);
    events = [];
    await writeFile(file('pages/second.md'), page('Second'));
    await eventsUntil((e) => e.length >= 1);
    expect(events.map((e) => `${e.type} ${e.path}`)).toEqual(['added pages/second.md']);
  });
});
