import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from './errors.ts';
import { listMedia, sitePathToUrl } from './media.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

describe('listMedia', () => {
  let site: TestSite;
  beforeEach(async () => {
    site = await makeTestSite();
  });
  afterEach(() => site.cleanup());

  it('lists images recursively with size, path and url, skipping dot files', async () => {
    const { dir, files } = await listMedia(site.siteDir, 'images');
    expect(dir).toBe('images');
    expect(files.map((f) => f.path)).toEqual(['images/Graphics /lake one.png', 'images/logo.svg']);
    expect(files[0]).toMatchObject({ size: 11, url: '/images/Graphics%20/lake%20one.png' });
    expect(typeof files[0]!.modified).toBe('number');
  });

  it('lists files', async () => {
    const { files } = await listMedia(site.siteDir, 'files');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ path: 'files/doc & notes.pdf', url: '/files/doc%20%26%20notes.pdf' });
  });

  it('rejects other folders with 400 and tolerates a missing folder', async () => {
    await expect(listMedia(site.siteDir, '_about')).rejects.toMatchObject({ status: 400 });
    await expect(listMedia(site.siteDir, undefined)).rejects.toBeInstanceOf(HttpError);
    const empty = await makeTestSite({ 'index.md': '' });
    try {
      expect((await listMedia(empty.siteDir, 'images')).files).toEqual([]);
    } finally {
      await empty.cleanup();
    }
  });

  it('does not follow symlinks, and refuses a media folder that leads outside', async () => {
    await writeFile(path.join(site.base, 'outside.png'), 'x');
    await symlink(path.join(site.base, 'outside.png'), path.join(site.siteDir, 'files', 'link.png'));
    expect((await listMedia(site.siteDir, 'files')).files.map((f) => f.path)).toEqual(['files/doc & notes.pdf']);

    const other = await makeTestSite({ 'index.md': '' });
    try {
      await symlink(site.base, path.join(other.siteDir, 'images'));
      await expect(listMedia(other.siteDir, 'images')).rejects.toMatchObject({ status: 403 });
    } finally {
      await other.cleanup();
    }
  });

  it('encodes each URL segment', () => {
    expect(sitePathToUrl('images/a b/c?d#e.png')).toBe('/images/a%20b/c%3Fd%23e.png');
  });
});
