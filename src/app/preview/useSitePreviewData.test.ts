import { describe, expect, it } from 'vitest';
import type { SiteInfo } from '../../storage/siteApi.ts';
import { sitePreviewData } from './useSitePreviewData.ts';

const site: SiteInfo = {
  title: 'Harbourview',
  baseurl: '',
  colors: { 'primary-color': '#0b6e4f' },
  resourcesName: 'news',
  navigation: { links: [{ title: 'Saved link', url: '/saved/' }] },
  collections: [],
};
const edit = (text: string) => ({ original: '', text, etag: null });

describe('sitePreviewData', () => {
  it('shows the screens’ texts in place of the site as read', () => {
    const { site: preview, footer } = sitePreviewData(site, {
      navigation: edit('links:\n  - title: Edited link\n    url: /edited/\n'),
      footer: edit('faq: /help/\n'),
      settings: edit('title: New title\ncolors:\n  primary-color: "#123456"\nremote_theme: x\n'),
    });
    expect(preview?.navigation).toEqual({ links: [{ title: 'Edited link', url: '/edited/' }] });
    expect(preview?.title).toBe('New title');
    expect(preview?.colors).toEqual({ 'primary-color': '#123456' });
    expect(preview?.resourcesName).toBe('news');
    expect(footer).toEqual({ faq: '/help/' });
  });

  it('keeps the site as read where no screen holds a file, or its text does not parse', () => {
    const { site: preview, footer } = sitePreviewData(site, { navigation: edit('links: [unclosed\n') });
    expect(preview?.navigation).toEqual(site.navigation);
    expect(preview?.title).toBe('Harbourview');
    expect(footer).toBeNull();
    expect(sitePreviewData(null, {}).site).toBeNull();
  });
});
