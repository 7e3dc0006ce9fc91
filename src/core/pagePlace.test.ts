import { describe, expect, it } from 'vitest';
import { pagePlaceProblem } from './pageRules.ts';

// The rule the server and folder mode share (src/server/badInput.test.ts tries it through the server).
describe('pagePlaceProblem: pages only where pages live', () => {
  const room = 'news-and-events';

  it('allows pages at the top, in pages/, in collections and in the resource room, for reading and writing', () => {
    for (const rel of ['index.md', 'contact-us.md', 'pages/a b.md', 'pages/x/y.md', '_about/Our Parks/Lakes.md', '_பகுதி/பக்கம்.md', `${room}/index.html`, `${room}/press/index.html`, `${room}/press/_posts/2020-01-27-post-A.md`]) {
      expect(pagePlaceProblem(rel, room, 'write'), rel).toBeNull();
      expect(pagePlaceProblem(rel, room, 'read'), rel).toBeNull();
    }
  });

  it('refuses templates, data and assets for reading and writing, in any case of letters', () => {
    for (const rel of ['_layouts/page.md', '_includes/x.md', '_data/thing.md', '_sass/x.md', 'assets/x.md', 'images/x.md', 'files/x.md', '_Layouts/page.md', 'IMAGES/a.md']) {
      expect(pagePlaceProblem(rel, room, 'write'), rel).toMatch(/holds the site's templates, data or assets, not pages$/);
      expect(pagePlaceProblem(rel, room, 'read'), rel).not.toBeNull();
    }
  });

  it('refuses .html templates outside the resource room indexes', () => {
    for (const rel of ['index.html', 'misc/404.html', 'pages/x.html', `${room}/press/other.html`, `${room}/press/_posts/x.html`, '_about/x.html']) {
      expect(pagePlaceProblem(rel, room, 'read'), rel).toMatch(/is not a page but a template/);
      expect(pagePlaceProblem(rel, room, 'write'), rel).toMatch(/is not a page but a template/);
    }
    // Without a resource room, no .html file is a page.
    expect(pagePlaceProblem(`${room}/index.html`, null, 'read')).toMatch(/is not a page but a template/);
  });

  it('opens other .md files (misc/search.md) but writes none there', () => {
    expect(pagePlaceProblem('misc/search.md', room, 'read')).toBeNull();
    expect(pagePlaceProblem('misc/search.md', room, 'write')).toBe(
      `misc/search.md is not where pages live: pages are .md files at the top of the site, in pages/, in a collection folder (_name/) or in the resource room (${room}/)`,
    );
    expect(pagePlaceProblem('other/new.md', null, 'write')).toMatch(/in a collection folder \(_name\/\)$/);
  });
});
