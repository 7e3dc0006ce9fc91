import { describe, expect, it } from 'vitest';
import { useStorageStore, type SiteStorage } from '../storage/siteStorage.ts';
import { isUnsavedEdit, unsavedSiteFiles, useSiteFileEditsStore } from './siteFileEditsStore.ts';

describe('siteFileEditsStore', () => {
  it('keeps each file’s edits and tells which are unsaved', () => {
    const { put } = useSiteFileEditsStore.getState();
    put('navigation', { original: 'links: []\n', text: 'links: []\n', etag: '"1"' });
    put('footer', { original: 'faq: /faq/\n', text: 'faq: /help/\n', etag: '"2"' });
    expect(unsavedSiteFiles()).toEqual(['footer']);
    expect(isUnsavedEdit(useSiteFileEditsStore.getState().files.navigation)).toBe(false);
    expect(isUnsavedEdit(undefined)).toBe(false);
    // Saved: what was written becomes the original.
    put('footer', { original: 'faq: /help/\n', text: 'faq: /help/\n', etag: '"3"' });
    expect(unsavedSiteFiles()).toEqual([]);
  });

  it('forgets the edits when another site is opened', () => {
    useSiteFileEditsStore.getState().put('settings', { original: 'title: A\n', text: 'title: B\n', etag: null });
    useStorageStore.getState().setStorage({ kind: 'folder' } as SiteStorage);
    expect(useSiteFileEditsStore.getState().files).toEqual({});
  });
});
