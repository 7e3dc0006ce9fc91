import { useEffect, useMemo } from 'react';
import { parse } from 'yaml';
import { siteStorage } from '../../storage/siteStorage.ts';
import { useSiteFileEditsStore, type SiteFileEdit } from '../../store/siteFileEditsStore.ts';
import type { SiteFileName, SiteInfo } from '../../storage/siteApi.ts';
import { useWorkspaceStore } from '../../store/workspaceStore.ts';
import type { PreviewSite } from './previewDocument.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A data file's text as data; undefined when it does not parse (the preview then keeps what it had). */
function yamlData(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return parse(text, { maxAliasCount: 100 }) ?? null;
  } catch {
    return undefined;
  }
}

/**
 * The site as a preview shows it: the settings, navigation and footer with the edits made on their
 * screens, saved or not. The footer is read once when no screen has read it yet.
 */
export function useSitePreviewData(): { site: PreviewSite | null; footer: unknown } {
  const site = useWorkspaceStore((s) => s.site);
  const files = useSiteFileEditsStore((s) => s.files);
  const hasFooter = files.footer !== undefined;

  useEffect(() => {
    if (hasFooter) return;
    let live = true;
    siteStorage()
      .fetchSiteFile?.('footer')
      .then((file) => {
        if (live && !useSiteFileEditsStore.getState().files.footer) {
          useSiteFileEditsStore.getState().put('footer', { original: file.text ?? '', text: file.text ?? '', etag: file.etag });
        }
      })
      // Without the footer file the footer shows what the theme always shows.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [hasFooter]);

  return useMemo(() => sitePreviewData(site, files), [site, files]);
}

/** The site as read, with the texts of the data files as their screens hold them (a text that does not parse is left out). */
export function sitePreviewData(site: SiteInfo | null, files: Partial<Record<SiteFileName, SiteFileEdit>>): { site: PreviewSite | null; footer: unknown } {
  const navigation = yamlData(files.navigation?.text);
  const config = yamlData(files.settings?.text);
  const preview: PreviewSite | null = site && {
    ...site,
    navigation: navigation !== undefined ? navigation : site.navigation,
    title: isRecord(config) && typeof config['title'] === 'string' ? config['title'] : site.title,
    colors: isRecord(config) && isRecord(config['colors']) ? config['colors'] : site.colors,
  };
  return { site: preview, footer: yamlData(files.footer?.text) ?? null };
}
