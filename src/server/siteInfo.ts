/** Site-level information: _config.yml, _data/navigation.yml and collection order. */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpError, errnoCode } from './errors.ts';
import { parseYamlAny, parseYamlMapping } from './yamlData.ts';
import { resolveSitePath } from './paths.ts';
import { readSiteEmbedConfigText, SITE_EDITOR_CONFIG_PATH } from '../core/siteEmbedConfig.ts';

export type { SiteCollection as CollectionInfo, SiteInfo } from '../core/siteInfo.ts';
import type { SiteCollection as CollectionInfo, SiteInfo } from '../core/siteInfo.ts';

/** Underscore folders that are Jekyll machinery, never collections. */
const NOT_COLLECTIONS = new Set(['_site', '_data', '_includes', '_layouts', '_sass', '_plugins', '_posts', '_drafts']);

/** Reads a site file by site-relative path; null when missing or when it leads outside the site. */
async function readTextIfExists(siteDir: string, rel: string): Promise<string | null> {
  try {
    const resolved = await resolveSitePath(siteDir, rel);
    return await readFile(resolved.real, 'utf8');
  } catch (err) {
    if (err instanceof HttpError) return null;
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw err;
  }
}

export interface SiteConfig {
  data: Record<string, unknown>;
  error: boolean;
  exists: boolean;
}

export async function readSiteConfig(siteDir: string): Promise<SiteConfig> {
  const text = await readTextIfExists(siteDir, '_config.yml');
  if (text === null) return { data: {}, error: false, exists: false };
  const parsed = parseYamlMapping(text);
  return { data: parsed.data ?? {}, error: parsed.error, exists: true };
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function resourcesNameOf(config: Record<string, unknown>): string | null {
  const name = str(config['resources_name']);
  return name && name.trim() ? name.trim() : null;
}

/** Recursively lists `.md` files below `dir` (relative POSIX paths), skipping dot entries and symlinks. */
async function listMarkdown(dir: string, prefix = '', depth = 0): Promise<string[]> {
  if (depth > 32) return [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listMarkdown(path.join(dir, e.name), rel, depth + 1)));
    else if (e.isFile() && /\.md$/i.test(e.name)) out.push(rel);
  }
  return out;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function orderFromCollectionYml(text: string, name: string): string[] | null {
  const parsed = parseYamlMapping(text);
  if (!parsed.data) return null;
  const collections = parsed.data['collections'];
  if (!isPlainObject(collections)) return null;
  const entry = isPlainObject(collections[name]) ? collections[name] : Object.values(collections).find(isPlainObject);
  if (!isPlainObject(entry)) return null;
  const order = entry['order'];
  if (!Array.isArray(order)) return [];
  return order.map((o) => str(o)).filter((o): o is string => o !== null);
}

export async function readCollections(siteDir: string, config: Record<string, unknown>): Promise<CollectionInfo[]> {
  const found = new Map<string, string[]>();

  // Newer sites: _<name>/collection.yml
  const entries = await readdir(siteDir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith('_') || e.name.length < 2 || NOT_COLLECTIONS.has(e.name)) continue;
    const name = e.name.slice(1);
    const text = await readTextIfExists(siteDir, `${e.name}/collection.yml`);
    if (text === null) continue;
    const order = orderFromCollectionYml(text, name) ?? (await listMarkdown(path.join(siteDir, e.name))).sort(collator.compare);
    found.set(name, order);
  }

  // Old sites: `collections:` in _config.yml; order by (numerically prefixed) file names.
  const configured = config['collections'];
  const names = isPlainObject(configured)
    ? Object.keys(configured)
    : Array.isArray(configured)
      ? configured.map((c) => str(c)).filter((c): c is string => c !== null)
      : [];
  for (const name of names) {
    if (found.has(name) || name === 'posts' || name.includes('/') || name.includes('\\') || name.startsWith('.')) continue;
    const dir = path.join(siteDir, `_${name}`);
    let isDir = false;
    try {
      isDir = (await lstat(dir)).isDirectory();
    } catch {
      isDir = false;
    }
    found.set(name, isDir ? (await listMarkdown(dir)).sort(collator.compare) : []);
  }

  return [...found.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, order]) => ({ name, order }));
}

export async function getSiteInfo(siteDir: string): Promise<SiteInfo> {
  const config = await readSiteConfig(siteDir);
  const navText = await readTextIfExists(siteDir, '_data/navigation.yml');
  const navigation = navText === null ? null : (parseYamlAny(navText) ?? null);
  const colors = config.data['colors'];
  return {
    title: str(config.data['title']),
    baseurl: str(config.data['baseurl']) ?? '',
    colors: isPlainObject(colors) ? colors : null,
    resourcesName: resourcesNameOf(config.data),
    navigation,
    collections: await readCollections(siteDir, config.data),
    configError: config.error,
    embeds: readSiteEmbedConfigText(await readTextIfExists(siteDir, SITE_EDITOR_CONFIG_PATH)),
  };
}
