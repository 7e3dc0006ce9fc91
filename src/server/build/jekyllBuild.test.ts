// Real builds with Debian's Jekyll (`npm test` installs it): a missing Jekyll fails these tests, it never skips them.
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git } from '../git/git.ts';
import { makeTestRepo, PUBLISHER, siteFiles, type TestRepo } from '../git/testRepo.ts';
import { makeTestSite } from '../testSite.ts';
import { BuildChecks } from './buildChecks.ts';
import { buildCommit, jekyllInstalled, JEKYLL } from './jekyllBuild.ts';

const repos: TestRepo[] = [];
afterEach(async () => {
  for (const t of repos.splice(0)) await t.cleanup();
});

/**
 * The fixture site, without the page whose front matter it breaks on purpose (unless asked for) and
 * without its stand-in layout (which prints no page body): like a real Isomer site, its layouts come
 * from the theme.
 */
async function site(withBrokenPage = false): Promise<TestRepo> {
  const t = await makeTestRepo(Object.fromEntries(Object.entries(siteFiles()).filter(([rel]) => !rel.startsWith('_layouts/') && (withBrokenPage || rel !== 'pages/broken.md'))));
  repos.push(t);
  return t;
}

/** Commits `files` to the working copy's branch and returns the commit. */
async function commit(dir: string, files: Record<string, string>): Promise<string> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '--quiet', '-m', 'Change'], { env: PUBLISHER });
  return (await git(dir, ['rev-parse', 'HEAD'])).stdout.trim();
}

const page = (permalink: string, body: string, title = 'A page') => `---\ntitle: ${title}\npermalink: ${permalink}\n---\n${body}\n`;

describe('the build check with Jekyll', () => {
  it('has Jekyll to build with', () => {
    expect(jekyllInstalled(), `Debian's Jekyll is missing at ${JEKYLL}: npm test installs it as root (apt-get install jekyll)`).toBe(true);
  });

  it('passes a clean site, whose collection pages and images are where its links say', async () => {
    const t = await site();
    const head = await commit(t.siteDir, {
      'pages/links.md': page('/links/', '<p><a href="/about/who-we-are/">Who we are</a> <a href="/links">self</a> <a href="https://www.gov.sg/nowhere">gov</a> <a href="mailto:a@b.sg">mail</a> <a href="#top">top</a></p>'),
      'images/map.png': 'not really a png',
      'pages/map.md': page('/map/', '<p><img src="/images/map.png" alt="Map"></p>'),
    });
    const report = await buildCommit(t.siteDir, head);
    expect(report).toMatchObject({ outcome: 'passed', problems: [], brokenLinks: [], linksChecked: true });
  });

  it('warns of a link to a page that does not exist, and of a missing image', async () => {
    const t = await site();
    const head = await commit(t.siteDir, {
      'pages/news.md': page('/news-today/', '<p>See <a href="/no-such-page/">the plan</a>, <a href="../about/who-we-are/">us</a> and <img src="/images/gone.png" alt="gone"></p>'),
    });
    const report = await buildCommit(t.siteDir, head);
    expect(report.outcome).toBe('warnings');
    expect(report.problems).toEqual([]);
    expect(report.brokenLinks).toEqual([
      { page: '/news-today/', href: '/no-such-page/', target: '/no-such-page/' },
      { page: '/news-today/', href: '/images/gone.png', target: '/images/gone.png' },
    ]);
  });

  it('fails on a broken Liquid tag, names the page, and still checks the links of the rest', async () => {
    const t = await site();
    const head = await commit(t.siteDir, {
      'pages/broken.md': page('/broken/', '<p>{% if page.title %}Never closed</p><p><a href="/missing-too/">x</a></p>'),
      'pages/other.md': page('/other/', '<p>{% unknowntag %}</p>'),
    });
    const report = await buildCommit(t.siteDir, head);
    expect(report.outcome).toBe('failed');
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'liquid', fatal: true, file: 'pages/broken.md', message: expect.stringMatching(/'if' tag was never closed/) }),
        expect.objectContaining({ kind: 'liquid', fatal: true, file: 'pages/other.md', message: expect.stringMatching(/Unknown tag 'unknowntag'/) }),
      ]),
    );
    expect(report.brokenLinks).toEqual([{ page: '/broken/', href: '/missing-too/', target: '/missing-too/' }]);
    // Files are named by their site path, never by the build's temporary folder.
    expect(JSON.stringify(report)).not.toContain(tmpdir());
  });

  it('reports front matter that is not YAML, and a data file that stops the build', async () => {
    const t = await site(true);
    const head = (await git(t.siteDir, ['rev-parse', 'HEAD'])).stdout.trim();
    const report = await buildCommit(t.siteDir, head);
    expect(report.outcome).toBe('warnings');
    expect(report.problems).toEqual([
      { kind: 'yaml', fatal: false, file: 'pages/broken.md', message: expect.stringMatching(/^Its front matter is not valid YAML: did not find expected ',' or '\]'/) },
    ]);

    const broken = await commit(t.siteDir, { '_data/navigation.yml': 'links:\n  - title: [About\n' });
    const failed = await buildCommit(t.siteDir, broken);
    expect(failed.outcome).toBe('failed');
    expect(failed.problems).toContainEqual(expect.objectContaining({ kind: 'yaml', fatal: true, file: '_data/navigation.yml' }));
    expect(failed.linksChecked).toBe(false);
  });

  it("leaves the theme's includes and plugin tags to the theme, and never runs the site's own plugins", async () => {
    const t = await site();
    const head = await commit(t.siteDir, {
      'pages/inc.md': page('/inc/', '<p>{% include call-to-action.html %}{% feed_meta %}</p>'),
      '_plugins/boom.rb': 'File.write(File.join(Dir.tmpdir, "isomer-build-check-plugin-ran"), "yes")\n',
    });
    const report = await buildCommit(t.siteDir, head);
    expect(report).toMatchObject({ outcome: 'passed', themeIncludes: ['call-to-action.html'] });
    expect(() => readFileSync(path.join(tmpdir(), 'isomer-build-check-plugin-ran'))).toThrow();
  });

  it('stops a build that takes too long', async () => {
    const t = await site();
    const head = (await git(t.siteDir, ['rev-parse', 'HEAD'])).stdout.trim();
    const report = await buildCommit(t.siteDir, head, { timeoutMs: 50 });
    expect(report.outcome).toBe('failed');
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'build', message: expect.stringMatching(/took longer than/) })]);
  });

  it('builds the commit, never the working copy, and says when Jekyll is missing', async () => {
    const t = await site();
    const head = await commit(t.siteDir, { 'pages/a.md': page('/a/', '<p><a href="/b/">b</a></p>'), 'pages/b.md': page('/b/', '<p>b</p>') });
    // Uncommitted: the working copy loses b.md, the commit keeps it.
    await writeFile(path.join(t.siteDir, 'pages/b.md'), page('/elsewhere/', '<p>b</p>'));
    const checks = new BuildChecks(t.siteDir);
    expect(await checks.status(head)).toEqual({ state: 'checking', commit: head });
    expect((await checks.check(head)).outcome).toBe('passed');
    expect(await checks.status(head)).toMatchObject({ state: 'done', report: { outcome: 'passed' } });
    expect(await new BuildChecks(t.siteDir, { jekyll: '/nonexistent/jekyll' }).status(head)).toMatchObject({ state: 'unavailable', message: expect.stringMatching(/Jekyll is not installed/) });
  });
});

describe('the corpus sites, built offline', () => {
  const corpus = new URL('../../../../shared/corpus/', import.meta.url);
  const rows = (file: string, header: boolean) =>
    readFileSync(new URL(file, corpus), 'utf8')
      .split('\n')
      .slice(header ? 1 : 0)
      .filter(Boolean)
      .map((l) => l.split('\t'));
  const files = [...rows('site-files/SOURCES.tsv', true).map((r) => ({ dir: 'site-files/', name: r[0]!, repo: r[1]!, rel: r[2]! })), ...rows('SOURCES.tsv', false).map((r) => ({ dir: 'pages/', name: r[0]!, repo: r[1]!, rel: r[2]! }))];
  const siteNames = [...new Set(files.map((f) => f.repo))].sort();

  it.each(siteNames)('%s builds, with its own problems named', async (repo) => {
    const mine = Object.fromEntries(files.filter((f) => f.repo === repo).map((f) => [f.rel, readFileSync(new URL(f.dir + encodeURIComponent(f.name), corpus))]));
    const s = await makeTestSite(mine);
    try {
      await git(s.siteDir, ['init', '--quiet', '-b', 'main']);
      await git(s.siteDir, ['add', '-A']);
      await git(s.siteDir, ['commit', '--quiet', '-m', 'Corpus'], { env: PUBLISHER });
      const report = await buildCommit(s.siteDir, 'HEAD');
      expect(report.problems.filter((p) => p.fatal)).toEqual([]);
      expect(report.linksChecked).toBe(true);
      // Only some of each site's pages are in the corpus: links are to pages that may simply be left out.
      for (const link of report.brokenLinks) expect(link.target.startsWith('/')).toBe(true);
    } finally {
      await s.cleanup();
    }
  });
});
