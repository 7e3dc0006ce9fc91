/** The objects the server writes itself are the ones git writes: compared with real git, byte for byte. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitBody, FILE_MODE, findTreeEntry, identLine, identWrittenAsIs, objectId, TREE_MODE, treeOfCommit, withTreeEntry, writeLooseObject } from './gitObjects.ts';
import { ObjectReader } from './objectReader.ts';
import { RefUpdater } from './refUpdater.ts';

let dir: string;
const git = (args: string[], input?: string | Buffer, env: Record<string, string> = {}) =>
  execFileSync('git', args, { cwd: dir, input, stdio: 'pipe', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env } });
const objects = () => path.join(dir, '.git', 'objects');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'git-objects-'));
  git(['init', '--quiet', '-b', 'main']);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What `git mktree` makes of these entries (it sorts them itself). */
function gitTree(entries: { name: string; tree: boolean; id: string }[]): string {
  const lines = entries.map((e) => `${e.tree ? TREE_MODE.padStart(6, '0') : FILE_MODE} ${e.tree ? 'tree' : 'blob'} ${e.id}\t${e.name}\n`).join('');
  return git(['mktree', '--missing'], lines).toString().trim();
}

describe('objects written without git', () => {
  it('are the objects git writes: same id, and git reads them back', async () => {
    for (const text of ['', 'hello\n', '---\ntitle: Über\n---\n<p>x</p>\n'.repeat(100)]) {
      const id = await writeLooseObject(objects(), 'blob', Buffer.from(text));
      expect(id).toBe(git(['hash-object', '--stdin'], text).toString().trim());
      expect(git(['cat-file', 'blob', id]).toString()).toBe(text);
      // Written again (another change set saving the same text): still there, still whole.
      expect(await writeLooseObject(objects(), 'blob', Buffer.from(text))).toBe(id);
    }
    git(['fsck', '--no-progress', '--no-dangling']);
  });

  it('keeps a tree sorted as git sorts it, whatever is added, replaced or removed', async () => {
    const blob = await writeLooseObject(objects(), 'blob', Buffer.from('x\n'));
    const other = await writeLooseObject(objects(), 'blob', Buffer.from('y\n'));
    const sub = gitTree([{ name: 'inner.md', tree: false, id: blob }]);
    // Names where git's order (a folder sorts as if it ended in "/") differs from plain byte order.
    const names = ['a', 'a.md', 'a-b', 'a0', 'a/b'.replace('/', '_'), 'b', 'ä.md', 'A', 'a b'];
    const entry = fc.record({ name: fc.constantFrom(...names), tree: fc.boolean() });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 6 }), entry, fc.boolean(), (start, change, remove) => {
        const withIds = start.map((e) => ({ ...e, id: e.tree ? sub : blob }));
        let tree = git(['cat-file', 'tree', gitTree(withIds)]);
        const name = Buffer.from(change.name);
        const next = remove ? null : { mode: change.tree ? TREE_MODE : FILE_MODE, id: change.tree ? sub : other };
        tree = withTreeEntry(tree, name, next);
        const expected = withIds.filter((e) => e.name !== change.name);
        if (next) expected.push({ name: change.name, tree: change.tree, id: next.id });
        expect(objectId('tree', tree)).toBe(gitTree(expected));
        expect(findTreeEntry(tree, name)?.id ?? null).toBe(next?.id ?? null);
      }),
      { numRuns: 100 },
    );
  });

  it('makes the commit git commit-tree makes for the same tree, parent, person, time and message', async () => {
    const blob = await writeLooseObject(objects(), 'blob', Buffer.from('x\n'));
    const tree = gitTree([{ name: 'page.md', tree: false, id: blob }]);
    await writeLooseObject(objects(), 'tree', git(['cat-file', 'tree', tree]));
    const parent = git(['commit-tree', tree, '-m', 'first'], undefined, { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' })
      .toString()
      .trim();
    const at = new Date('2026-03-04T05:06:07Z');
    const ident = identLine('Siti Nurhaliza', 'siti@agency.gov.sg', at);
    const when = ident.split('> ')[1]!;
    const who = { GIT_AUTHOR_NAME: 'Siti Nurhaliza', GIT_AUTHOR_EMAIL: 'siti@agency.gov.sg', GIT_AUTHOR_DATE: when };
    const expected = git(['commit-tree', tree, '-p', parent, '-m', 'Save pages/é.md'], undefined, {
      ...who,
      GIT_COMMITTER_NAME: who.GIT_AUTHOR_NAME,
      GIT_COMMITTER_EMAIL: who.GIT_AUTHOR_EMAIL,
      GIT_COMMITTER_DATE: when,
    })
      .toString()
      .trim();
    const body = commitBody({ tree, parents: [parent], ident, message: 'Save pages/é.md' });
    expect(await writeLooseObject(objects(), 'commit', body)).toBe(expected);
    expect(treeOfCommit(body)).toBe(tree);
  });

  it('leaves to git the names and emails git would change', () => {
    expect(identWrittenAsIs('Anna Tan')).toBe(true);
    expect(identWrittenAsIs('anna.tan@agency.gov.sg')).toBe(true);
    for (const odd of ['Tan Jr.', ' Anna', '"Anna"', 'Anna,', "O'Neil'", 'a<b', '']) expect(identWrittenAsIs(odd)).toBe(false);
  });
});

describe('long-lived git processes', () => {
  it('read objects and move branches, refusing a branch that is not where it was expected', async () => {
    const reader = new ObjectReader(dir);
    const refs = new RefUpdater(dir, 'commit: test');
    try {
      const blob = await writeLooseObject(objects(), 'blob', Buffer.from('x\n'));
      const tree = gitTree([{ name: 'page.md', tree: false, id: blob }]);
      const env = { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' };
      const one = git(['commit-tree', tree, '-m', 'one'], undefined, env).toString().trim();
      const two = git(['commit-tree', tree, '-p', one, '-m', 'two'], undefined, env).toString().trim();
      git(['update-ref', 'refs/heads/edit/a', one]);

      expect(await reader.read(blob)).toEqual({ id: blob, type: 'blob', body: Buffer.from('x\n') });
      expect(await reader.read('0'.repeat(40))).toBeNull();
      expect((await reader.read('refs/heads/edit/a'))!.id).toBe(one);
      await expect(reader.read('HEAD\nrefs/heads/main')).rejects.toThrow(/not an object name/);

      await refs.update('refs/heads/edit/a', two, one);
      expect((await reader.read('refs/heads/edit/a'))!.id).toBe(two); // the reader sees the move
      await expect(refs.update('refs/heads/edit/a', one, one)).rejects.toThrow(/expected/);
      expect(git(['rev-parse', 'refs/heads/edit/a']).toString().trim()).toBe(two);
      // The process git ended is started again for the next move.
      await refs.update('refs/heads/edit/a', one, two);
      expect(git(['rev-parse', 'refs/heads/edit/a']).toString().trim()).toBe(one);
      expect(git(['reflog', '-1', '--format=%gs', 'refs/heads/edit/a']).toString().trim()).toBe('commit: test');
    } finally {
      reader.close();
      refs.close();
    }
  });
});
