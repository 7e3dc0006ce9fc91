/**
 * The hosts a site adds to the embed allowlist, in its own file `_data/isomer-editor.yml`:
 *
 *   embed_hosts:
 *     - docs.google.com
 *     - app.powerbi.com
 *
 * `_data/` is not published as files by Jekyll. Entries are host names only (an `https://` in front is
 * accepted and dropped); embeds from them still need an https address. The local server, the folder
 * mode and the command line read the file and set them (`setSiteEmbedConfig`) before pages are read.
 */

import { parseDocument } from 'yaml';
import type { SiteEmbedConfig } from './siteEmbedHosts.ts';

/** Where a site keeps its editor settings, relative to the site folder. */
export const SITE_EDITOR_CONFIG_PATH = '_data/isomer-editor.yml';

const KNOWN_KEYS = new Set(['embed_hosts']);
// Lower-case DNS labels, at least two, the last one not all digits (no IP addresses).
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?=[a-z0-9-]*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Reads the text of `_data/isomer-editor.yml` (null when the site has none). */
export function readSiteEmbedConfigText(text: string | null): SiteEmbedConfig {
  if (text === null) return readSiteEmbedConfig(null);
  try {
    const doc = parseDocument(text, { logLevel: 'silent', prettyErrors: false });
    return readSiteEmbedConfig(doc.errors.length > 0 ? undefined : (doc.toJS({ maxAliasCount: 100 }) as unknown) ?? null);
  } catch {
    return readSiteEmbedConfig(undefined);
  }
}

/**
 * Validates the parsed contents of `_data/isomer-editor.yml`: `undefined` when the file does not
 * parse, null when it is missing or empty. Any mistake refuses the whole file, with a message naming it.
 */
export function readSiteEmbedConfig(data: unknown): SiteEmbedConfig {
  const refuse = (why: string): SiteEmbedConfig => ({ hosts: [], error: `${SITE_EDITOR_CONFIG_PATH}: ${why}` });
  if (data === undefined) return refuse('the file is not valid YAML.');
  if (data === null) return { hosts: [], error: null };
  if (typeof data !== 'object' || Array.isArray(data)) return refuse('expected settings such as "embed_hosts:", one per line.');
  const settings = data as Record<string, unknown>;
  const unknown = Object.keys(settings).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) return refuse(`unknown setting "${unknown[0]}" (the one setting is "embed_hosts").`);
  const list = settings['embed_hosts'] ?? [];
  if (!Array.isArray(list)) return refuse('"embed_hosts" must be a list of host names, one per line starting with "- ".');
  const hosts: string[] = [];
  for (const entry of list) {
    const host = hostOfEntry(entry);
    if (typeof host !== 'string') return refuse(host.error);
    if (!hosts.includes(host)) hosts.push(host);
  }
  return { hosts, error: null };
}

function hostOfEntry(entry: unknown): string | { error: string } {
  if (typeof entry !== 'string') return { error: `"${String(entry)}" in "embed_hosts" is not a host name.` };
  const text = entry.trim().toLowerCase();
  const bare = text.replace(/^https:\/\//, '').replace(/\/$/, '');
  if (/^[a-z][a-z0-9+.-]*:/.test(bare) && !/^[^:]*:\d+$/.test(bare)) return { error: `"${entry}" in "embed_hosts": embeds must load over https; give the host name only, e.g. docs.google.com.` };
  if (!HOST_NAME.test(bare)) {
    return { error: `"${entry}" in "embed_hosts" is not a host name: give the host only (e.g. docs.google.com), without a path, port, wildcard or IP address.` };
  }
  return bare;
}
