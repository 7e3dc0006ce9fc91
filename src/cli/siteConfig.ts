import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { SiteOptions } from '../core/markdown/liquid.ts';
import { readSiteEmbedConfigText, SITE_EDITOR_CONFIG_PATH } from '../core/siteEmbedConfig.ts';
import type { SiteEmbedConfig } from '../core/siteEmbedHosts.ts';

/**
 * The site a page belongs to: the nearest folder at or above the page that holds a `_config.yml`, and
 * the `baseurl` and `url` it sets. Empty when the page is in no site. Results are cached per folder.
 */
export function siteOptionsFinder(): (pagePath: string) => SiteOptions {
  return siteFinder((folder) => (folder === null ? {} : readSiteConfig(join(folder, '_config.yml'))));
}

/** The hosts the site of a page adds to the embed allowlist (`_data/isomer-editor.yml`), cached per site. */
export function siteEmbedConfigFinder(): (pagePath: string) => SiteEmbedConfig {
  return siteFinder((folder) => {
    const path = folder === null ? null : join(folder, SITE_EDITOR_CONFIG_PATH);
    return readSiteEmbedConfigText(path !== null && existsSync(path) ? readFileSync(path, 'utf8') : null);
  });
}

/** What `read` makes of the site folder of a page (null when the page is in no site), cached per folder. */
function siteFinder<T>(read: (siteFolder: string | null) => T): (pagePath: string) => T {
  const byFolder = new Map<string, T>();
  const lookUp = (folder: string): T => {
    const cached = byFolder.get(folder);
    if (cached) return cached;
    const parent = dirname(folder);
    const found = existsSync(join(folder, '_config.yml')) ? read(folder) : parent === folder ? read(null) : lookUp(parent);
    byFolder.set(folder, found);
    return found;
  };
  return (pagePath) => lookUp(dirname(pagePath));
}

/** `baseurl` and `url` of a `_config.yml`; a file that does not parse gives none. */
export function readSiteConfig(path: string): SiteOptions {
  try {
    const data: unknown = parse(readFileSync(path, 'utf8'));
    if (!data || typeof data !== 'object') return {};
    const { baseurl, url } = data as Record<string, unknown>;
    return {
      ...(typeof baseurl === 'string' ? { baseurl } : {}),
      ...(typeof url === 'string' ? { url } : {}),
    };
  } catch {
    return {};
  }
}
