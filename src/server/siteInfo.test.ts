import { afterEach, describe, expect, it } from 'vitest';
import { getSiteInfo } from './siteInfo.ts';
import { makeTestSite, type TestSite } from './testSite.ts';

describe('getSiteInfo', () => {
  let site: TestSite | undefined;
  afterEach(() => site?.cleanup());

  it('reads config, navigation and collection.yml order (new sites)', async () => {
    site = await makeTestSite();
    const info = await getSiteInfo(site.siteDir);
    expect(info.title).toBe('Parks Board');
    expect(info.baseurl).toBe('');
    expect(info.colors).toEqual({ 'primary-color': '#005eb8', 'secondary-color': '#ff8200' });
    expect(info.resourcesName).toBe('news-and-events');
    expect(info.configError).toBe(false);
    expect(info.navigation).toEqual({
      logo: '/images/Parks logos/logo.png',
      links: [
        { title: 'About', collection: 'about' },
        { title: 'News and Events', resource_room: true },
      ],
    });
    expect(info.collections).toEqual([
      { name: 'about', order: ['Who we are?.md', 'Our Parks/.keep', 'Our Parks/Lakes.md', 'FAQ: Q|A & more’s.md'] },
    ]);
  });

  it('uses _config.yml collections and numeric file order on old sites', async () => {
    site = await makeTestSite({
      '_config.yml': 'title: Template\nbaseurl: /tpl\ncollections:\n  application-guidelines:\n    output: true\n  empty-one:\n    output: true\n',
      '_data/navigation.yml': '# banner\n- title: 你好 மெய்யெழுத்து\n  url: /x/\n  sub-links:\n    - title: A\n      url: /a/\n',
      '_application-guidelines/10-last.md': '---\ntitle: Last\n---\n',
      '_application-guidelines/2a-second.md': '---\ntitle: 2a\n---\n',
      '_application-guidelines/1a-first.md': '---\ntitle: 1a\n---\n',
      '_application-guidelines/sub/1b-nested.md': '---\ntitle: 1b\n---\n',
    });
    const info = await getSiteInfo(site.siteDir);
    expect(info.baseurl).toBe('/tpl');
    expect(info.colors).toBeNull();
    expect(info.resourcesName).toBeNull();
    expect(Array.isArray(info.navigation)).toBe(true);
    expect((info.navigation as { title: string }[])[0]!.title).toBe('你好 மெய்யெழுத்து');
    expect(info.collections).toEqual([
      { name: 'application-guidelines', order: ['1a-first.md', '2a-second.md', '10-last.md', 'sub/1b-nested.md'] },
      { name: 'empty-one', order: [] },
    ]);
  });

  it('survives a missing or broken config', async () => {
    site = await makeTestSite({ '_config.yml': 'title: [broken\n', 'index.md': '' });
    const info = await getSiteInfo(site.siteDir);
    expect(info).toEqual({
      title: null,
      baseurl: '',
      colors: null,
      resourcesName: null,
      navigation: null,
      collections: [],
      configError: true,
      embeds: { hosts: [], error: null },
    });
  });

  it('reads the hosts the site adds to the embed allowlist, and refuses a file with a mistake', async () => {
    site = await makeTestSite({ '_data/isomer-editor.yml': 'embed_hosts:\n  - docs.google.com\n  - https://app.powerbi.com\n' });
    expect((await getSiteInfo(site.siteDir)).embeds).toEqual({ hosts: ['docs.google.com', 'app.powerbi.com'], error: null });
    await site.cleanup();
    site = await makeTestSite({ '_data/isomer-editor.yml': 'embed_hosts:\n  - evil.example/x\n' });
    const { embeds } = await getSiteInfo(site.siteDir);
    expect(embeds?.hosts).toEqual([]);
    expect(embeds?.error).toMatch(/^_data\/isomer-editor\.yml: "evil\.example\/x" in "embed_hosts" is not a host name/);
  });
});
