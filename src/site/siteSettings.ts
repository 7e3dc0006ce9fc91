/**
 * The `_config.yml` settings an editor may change (the Isomer spec's "Site settings"); every other key
 * of that file (baseurl, permalink, plugins, defaults…) builds the site and is never written.
 */
import type { SiteField } from './siteField.ts';
import { siteYamlData, type YamlPath } from './yamlTextEdit.ts';

export const CONFIG_FILE = '_config.yml';

const MEDIA_COLOUR_NAMES = ['one', 'two', 'three', 'four', 'five'];

export const SETTINGS_FIELDS: readonly SiteField[] = [
  { path: ['title'], group: 'Site', label: 'Site title', kind: 'title', required: true, help: 'Shown in the footer and the © line, and in browser tabs. Changing it here does not change the homepage.' },
  { path: ['description'], group: 'Site', label: 'Description', kind: 'text', help: 'A sentence about the site, for search engines and link previews.' },
  { path: ['url'], group: 'Site', label: 'Site address', kind: 'https', required: true, help: 'The published address, such as https://www.agency.gov.sg (used for canonical and shared links).' },
  { path: ['is_government'], group: 'Site', label: 'Government masthead', kind: 'boolean', absent: true, help: 'Shows the "A Singapore Government Agency Website" bar at the top of every page. The site shows it unless this is turned off.' },
  { path: ['favicon'], group: 'Images', label: 'Favicon', kind: 'link', image: true, help: 'The small icon in browser tabs, such as /images/favicon.ico.' },
  { path: ['shareicon'], group: 'Images', label: 'Share image', kind: 'link', image: true, help: 'The picture shown when a page without its own image is shared.' },
  { path: ['colors', 'primary-color'], group: 'Colours', label: 'Primary colour', kind: 'colour', required: true, help: 'Links and highlights, as a hex colour such as #0b6e4f.' },
  { path: ['colors', 'secondary-color'], group: 'Colours', label: 'Secondary colour', kind: 'colour', required: true, help: 'Headings, buttons and the notification bar.' },
  ...MEDIA_COLOUR_NAMES.map(
    (name, i): SiteField => ({
      path: ['colors', 'media-colors', i, 'color'],
      group: 'Colours',
      label: `Resource colour ${i + 1}`,
      kind: 'colour',
      required: true,
      help: `The colour of resource cards of the ${name === 'one' ? 'first' : name === 'two' ? 'second' : name === 'three' ? 'third' : name === 'four' ? 'fourth' : 'fifth'} kind.`,
    }),
  ),
  { path: ['google_analytics_ga4'], group: 'Analytics', label: 'Google Analytics 4 ID', kind: 'ga4', help: 'Such as G-ABC123XYZ. Leave empty for none.' },
  { path: ['facebook-pixel'], group: 'Analytics', label: 'Facebook Pixel ID', kind: 'pixel', help: '15 or 16 digits. Leave empty for none.' },
  { path: ['linkedin-insights'], group: 'Analytics', label: 'LinkedIn Insight Tag ID', kind: 'text', help: 'The partner ID of LinkedIn’s Insight Tag. Leave empty for none.' },
];

const samePath = (a: YamlPath, b: YamlPath) => a.length === b.length && a.every((p, i) => p === b[i]);

/** True when `path` is one of the settings an editor may change. */
export function isEditableSetting(path: YamlPath): boolean {
  return SETTINGS_FIELDS.some((f) => samePath(f.path, path));
}

/**
 * Where `after` differs from `before` outside the editable settings: the keys (as dotted paths) a save
 * would change that it may not. Comments and layout are not compared, values are.
 */
export function changesOutsideSettings(before: string, after: string): string[] {
  const found: string[] = [];
  const visit = (a: unknown, b: unknown, path: (string | number)[]) => {
    if (isEditableSetting(path)) return;
    // A map or list created (or removed) to hold settings is judged by what it holds.
    const container = (v: unknown) => v !== null && typeof v === 'object' && !(v instanceof Date);
    if (a === undefined && container(b)) a = Array.isArray(b) ? [] : {};
    if (b === undefined && container(a)) b = Array.isArray(a) ? [] : {};
    if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b) && !(a instanceof Date)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        const k = Array.isArray(a) ? Number(key) : key;
        visit((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, k]);
      }
      return;
    }
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : Object.is(a, b);
    if (!same) found.push(path.join('.') || '(the whole file)');
  };
  visit(siteYamlData(before), siteYamlData(after), []);
  return found;
}
