import { chmod, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, isTempName, tempPathFor } from './atomicWrite.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

describe('atomicWriteFile', () => {
  let site: TestSite;
  beforeEach(async () => {
    site = await makeTestSite({ 'a.md': 'old' });
  });
  afterEach(() => site.cleanup());

  it('replaces the file and leaves no temp file behind', async () => {
    const file = path.join(site.siteDir, 'a.md');
    const before = (await stat(file)).ino;
    await atomicWriteFile(file, 'new ’ text');
    expect(await readFile(file, 'utf8')).toBe('new ’ text');
    expect((await stat(file)).ino).not.toBe(before); // a new inode: it was renamed into place
    expect(await readdir(site.siteDir)).toEqual(['a.md']);
  });

  it('keeps the permission bits of the old file', async () => {
    const file = path.join(site.siteDir, 'a.md');
    await chmod(file, 0o640);
    await atomicWriteFile(file, 'x');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    await chmod(file, 0o755);
    await atomicWriteFile(file, 'y');
    expect((await stat(file)).mode & 0o777).toBe(0o755);
  });

  it('exclusive mode creates a new file but never overwrites', async () => {
    const file = path.join(site.siteDir, 'b.md');
    await atomicWriteFile(file, 'created', { exclusive: true });
    expect(await readFile(file, 'utf8')).toBe('created');
    await expect(atomicWriteFile(file, 'again', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('created');
    expect((await readdir(site.siteDir)).sort()).toEqual(['a.md', 'b.md']);
  });

  it('cleans up the temp file when the rename fails', async () => {
    const dirAsTarget = path.join(site.siteDir, 'folder');
    await mkdir(path.join(dirAsTarget, 'child'), { recursive: true });
    await expect(atomicWriteFile(dirAsTarget, 'x')).rejects.toBeTruthy();
    expect((await readdir(site.siteDir)).filter(isTempName)).toEqual([]);
  });

  it('names temp files as hidden siblings', () => {
    const t = tempPathFor('/x/y/Some page.md');
    expect(path.dirname(t)).toBe('/x/y');
    expect(isTempName(path.basename(t))).toBe(true);
  });
});
