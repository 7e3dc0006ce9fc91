import type { SiteEmbedConfig } from './siteEmbedHosts.ts';

/** A collection of a site and the order of its pages, as the site's `collection.yml` (or `_config.yml`) gives it. */
export interface SiteCollection {
  /** Collection name without the leading underscore, e.g. `about`. */
  name: string;
  /** Entries relative to the collection folder, e.g. `Our Parks/Lakes.md`, `Video Guides/.keep`. */
  order: string[];
}

/** What the editor knows of a site: the API's answer, and what the browser-only backends work out. */
export interface SiteInfo {
  title: string | null;
  baseurl: string;
  colors: Record<string, unknown> | null;
  resourcesName: string | null;
  /** Parsed `_data/navigation.yml` (new mapping format or old list format), or null. */
  navigation: unknown;
  collections: SiteCollection[];
  /** True when `_config.yml` exists but does not parse. */
  configError?: boolean;
  /** Hosts the site adds to the embed allowlist (`_data/isomer-editor.yml`), and why that file was refused. */
  embeds?: SiteEmbedConfig;
  /** A stable name for the site folder (drafts are kept per site). */
  siteId?: string;
}
