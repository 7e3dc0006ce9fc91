// Which screen edits a page, told from its text alone: the editor decides this before the YAML parser loads.

/** The layouts whose page is their front matter, edited on their own screens. */
export type SiteLayout = 'homepage' | 'contact_us';

/**
 * The layout a page file is edited with, read from its front matter text (no YAML parser needed): a
 * homepage with `sections:` or a Contact Us page, each with an empty body. Others open as pages.
 */
export function siteLayoutOf(frontMatterText: string, body: string): SiteLayout | null {
  if (body.trim() !== '') return null;
  const layout = /^layout:[ \t]*["']?(homepage|contact_us)["']?[ \t]*\r?$/m.exec(frontMatterText)?.[1];
  if (layout === 'homepage') return /^sections:/m.test(frontMatterText) ? 'homepage' : null;
  return layout === 'contact_us' ? 'contact_us' : null;
}
