// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { PageContent } from '../storage/siteApi.ts';
import { useStorageStore, type SiteStorage } from '../storage/siteStorage.ts';
import { useOpenPageStore } from './openPageStore.ts';

describe('openPageStore', () => {
  it('stays closed when a page asked for before it was closed arrives after', async () => {
    let arrive: (page: PageContent) => void = () => {};
    const fetchPage = (path: string) => new Promise<PageContent>((resolve) => (arrive = (page) => resolve({ ...page, path })));
    useStorageStore.getState().setStorage({ kind: 'folder', fetchPage } as unknown as SiteStorage);

    // Contact Us is chosen, then a site screen before the page has come: the screen closes the page.
    const opening = useOpenPageStore.getState().openPath('pages/contact-us.md');
    expect(useOpenPageStore.getState().status).toBe('loading');
    useOpenPageStore.getState().close();
    arrive({ path: 'pages/contact-us.md', text: '---\ntitle: Contact Us\nvariant: tiptap\n---\n<p>Write to us</p>', etag: '"1"' });
    await opening;

    expect(useOpenPageStore.getState()).toMatchObject({ path: null, status: 'none', opened: null });
  });
});
