import { describe, expect, it } from 'vitest';
import { checkUpload } from './mediaRules.ts';
import { SiteRuleError, changedPermalink, checkPermalinkFree, checkRename, pagePathProblem, parseTrashMeta, permalinkHyphenWarning, planNewPage } from './pageRules.ts';
import type { PageSummary } from './pageSummary.ts';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof SiteRuleError) return { status: err.status, message: err.message };
    throw err;
  }
  return null;
};

describe('new pages by the site conventions', () => {
  it('plans a collection page in a sub-folder, listed in collection.yml', () => {
    const plan = planNewPage({ kind: 'collection-page', title: 'Picnic Areas', collection: 'about', subfolder: 'Our Parks' }, null);
    expect(plan).toMatchObject({
      rel: '_about/Our Parks/Picnic Areas.md',
      permalink: '/about/picnic-areas/',
      requires: { dir: '_about' },
      folders: ['_about/Our Parks'],
      order: { collection: 'about', entry: 'Our Parks/Picnic Areas.md' },
    });
    expect(plan.text).toBe('---\ntitle: Picnic Areas\npermalink: /about/picnic-areas/\nvariant: tiptap\nthird_nav_title: Our Parks\n---\n');
  });

  it('plans a resource post named by date and layout, without a permalink', () => {
    const plan = planNewPage({ kind: 'resource-post', title: 'Open Day', category: 'announcements', layout: 'link', date: '2024-05-01' }, 'news');
    expect(plan.rel).toBe('news/announcements/_posts/2024-05-01-link-Open Day.md');
    expect(plan.permalink).toBeNull();
    expect(plan.text).toBe("---\ntitle: Open Day\ndate: 2024-05-01\nlayout: link\nexternal: \"\"\n---\n");
  });

  it('refuses bad input with the status the server answers', () => {
    expect(refusal(() => planNewPage({ kind: 'page', title: '../x' }, null))).toMatchObject({ status: 400, message: 'title must not contain "/" or "\\"' });
    expect(refusal(() => planNewPage({ kind: 'resource-post', title: 'A', category: 'c' }, null))?.status).toBe(400);
    expect(refusal(() => planNewPage({ kind: 'resource-post', title: 'A', category: 'c', date: '2024-02-30' }, 'news'))?.message).toMatch(/real date/);
  });

  it('refuses a permalink in use, whatever its case or trailing slash', () => {
    const pages = [{ path: 'pages/about-us.md', permalink: '/About-Us' }] as PageSummary[];
    expect(refusal(() => checkPermalinkFree(pages, '/about-us/'))).toMatchObject({ status: 409, message: 'the address /about-us/ is already used by pages/about-us.md' });
    expect(refusal(() => checkPermalinkFree(pages, '/about-us/', 'pages/about-us.md'))).toBeNull();
  });

  it('checks a saved page only when its address changes', () => {
    const page = (permalink: string) => `---\ntitle: T\npermalink: ${permalink}\n---\n<p>x</p>`;
    expect(changedPermalink(page('/a/'), page('/a/'))).toBeNull();
    expect(changedPermalink(page('/a/'), page('/A'))).toBeNull();
    expect(changedPermalink(page('/a/'), page('/b/'))).toBe('/b/');
    expect(changedPermalink(null, page('/b/'))).toBe('/b/');
    expect(changedPermalink(page('/a/'), '<p>no settings</p>')).toBeNull();
  });

  it('warns about underscores in an address (the help asks for hyphens)', () => {
    expect(permalinkHyphenWarning('/opening_hours/')).toMatch(/hyphens/);
    expect(permalinkHyphenWarning('/opening-hours/')).toBeNull();
  });
});

describe('paths, renames and the trash', () => {
  it('accepts page paths inside the site only', () => {
    expect(pagePathProblem('pages/a b.md')).toBeNull();
    for (const bad of ['', '../x.md', 'pages//x.md', '.git/x.md', 'pages/x.txt', 'a\\b.md']) expect(pagePathProblem(bad)).not.toBeNull();
  });

  it('checks a rename by name', () => {
    expect(refusal(() => checkRename('pages/a.md', 'pages/a.md'))?.status).toBe(400);
    expect(refusal(() => checkRename('pages/a.md', 'pages/b.html'))?.message).toMatch(/extension/);
    expect(refusal(() => checkRename('pages/a.md', 'pages/.b.md'))?.status).toBe(400);
    expect(refusal(() => checkRename('pages/a.md', 'pages/b.md'))).toBeNull();
  });

  it('reads only trash entries that cannot lead elsewhere', () => {
    const meta = { id: '0001700000000-0a1b2c3d', path: 'pages/a.md', deletedAt: 1, size: 2, fileName: 'a.md', inOrder: false };
    expect(parseTrashMeta(JSON.stringify(meta), meta.id)).toEqual(meta);
    expect(parseTrashMeta(JSON.stringify(meta), '0001700000000-ffffffff')).toBeNull();
    expect(parseTrashMeta(JSON.stringify({ ...meta, fileName: '../a.md' }), meta.id)).toBeNull();
    expect(parseTrashMeta(JSON.stringify({ ...meta, path: '../a.md' }), meta.id)).toBeNull();
    expect(parseTrashMeta('not json', meta.id)).toBeNull();
  });
});

describe('uploads', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const uploadRefusal = (checked: Promise<unknown>) => checked.then(() => null, (err: unknown) => refusal(() => { throw err; }));
  it('keeps the last part of the name and checks type, content and size', async () => {
    expect(await checkUpload('images', 'C:\\fakepath\\Picnic map.png', png)).toEqual({ dir: 'images', name: 'Picnic map.png', rel: 'images/Picnic map.png' });
    expect((await uploadRefusal(checkUpload('images', 'a.exe', png)))?.status).toBe(415);
    expect((await uploadRefusal(checkUpload('images', 'a.jpg', png)))?.message).toMatch(/not a \.jpg/);
    expect((await uploadRefusal(checkUpload('images', 'a.png', new Uint8Array(6 * 1024 * 1024).fill(0x89))))?.status).toBe(413);
    expect((await uploadRefusal(checkUpload('_data', 'a.png', png)))?.status).toBe(400);
    expect((await uploadRefusal(checkUpload('images', 'a.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'))))?.message).toMatch(/script/);
  });
});
