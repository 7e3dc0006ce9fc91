/**
 * The hosts the site being edited adds to the embed allowlist (read from the site's own settings file,
 * see `siteEmbedConfig.ts`), for the sanitiser and the embed block. Set before pages are read.
 */

export interface SiteEmbedConfig {
  hosts: string[];
  /** Why the file was refused (then `hosts` is empty), or null. */
  error: string | null;
}

let current: SiteEmbedConfig = { hosts: [], error: null };

/** Sets the site's extra embed hosts (after `readSiteEmbedConfig`). */
export function setSiteEmbedConfig(config: SiteEmbedConfig): void {
  current = { hosts: [...config.hosts], error: config.error };
}

/** The extra embed hosts of the site being edited. */
export function siteEmbedHosts(): readonly string[] {
  return current.hosts;
}

/** Why the site's editor settings were refused, or null. */
export function siteEmbedConfigError(): string | null {
  return current.error;
}

/**
 * What the editor says of an embed from a host off the allowlist that the page already publishes:
 * it stays, but no new one can be made from that host.
 */
export function publishedEmbedNote(hosts: readonly string[]): string {
  return `Embedded from ${hosts.join(', ')} — kept as published. New embeds need an allowed host.`;
}
