import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { SiteOptions } from '../core/markdown/liquid.ts';

/**
 * The site a page belongs to: the nearest folder at or above the page that holds a `_config.yml`, and
 * the `baseurl` and `url` it sets. Empty when the page is in no site. Results are cached per folder.
 */
export function siteOptionsFinder(): (pagePath: string) => SiteOptions {
  const byFolder = new Map<string, SiteOptions>();
  const lookUp = (folder: string): SiteOptions => {
    const cached = byFolder.get(folder);
    if (cached) return cached;
    const config = join(folder, '_config.yml');
    const parent = dirname(folder);
    const found = existsSync(config) ? readSiteConfig(config) : parent === folder ? {} : lookUp(parent);
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
