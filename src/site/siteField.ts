/**
 * One editable setting of a site data file (navigation, footer, `_config.yml`): where it sits, how it
 * is labelled and explained, and the rules its value must follow. Layouts print these strings as
 * HTML and link to these addresses, so the page rules for printed text, titles and addresses apply
 * (`frontMatterSafetyIssues`), plus each field's own limits from the Isomer spec.
 */
import { frontMatterSafetyIssues } from '../core/frontMatterSchema.ts';
import type { YamlPath } from './yamlTextEdit.ts';

export type FieldKind =
  /** Printed text (a description, an agency name). */
  | 'text'
  /** Printed text that names something (bidirectional controls refused). */
  | 'title'
  /** A site path or a web address. */
  | 'link'
  /** A web address that must start with https://. */
  | 'https'
  /** A yes/no switch. */
  | 'boolean'
  /** A hex colour without alpha, as the theme's Sass needs. */
  | 'colour'
  /** A Facebook Pixel ID: 15 or 16 digits. */
  | 'pixel'
  /** A Google Analytics 4 ID: G- and letters or digits. */
  | 'ga4';

export interface SiteField {
  path: YamlPath;
  label: string;
  help: string;
  kind: FieldKind;
  required?: boolean;
  maxLength?: number;
  /** Shown under this heading in the form. */
  group?: string;
  /** An image of the site: the form offers the media library to choose it. */
  image?: boolean;
  /** A switch's meaning when its key is absent, as the theme reads it (off unless given). */
  absent?: boolean;
}

export interface FieldIssue {
  severity: 'error' | 'warning';
  message: string;
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The errors and warnings of `value` for `field`; a blank optional field has none. */
export function checkFieldValue(field: SiteField, value: unknown): FieldIssue[] {
  if (field.kind === 'boolean') {
    return value === undefined || value === null || typeof value === 'boolean' ? [] : [{ severity: 'error', message: 'This must be on or off (true or false).' }];
  }
  const text = value === undefined || value === null ? '' : String(value);
  if (text.trim() === '') return field.required ? [{ severity: 'error', message: `${field.label} is required.` }] : [];
  const issues: FieldIssue[] = [];
  if (field.maxLength && [...text].length > field.maxLength) {
    issues.push({ severity: 'error', message: `${field.label} can be at most ${field.maxLength} characters (it has ${[...text].length}).` });
  }
  switch (field.kind) {
    case 'colour':
      if (!HEX_COLOUR.test(text)) issues.push({ severity: 'error', message: 'Use a hex colour such as #0b6e4f (no transparency); the site’s styles cannot be built with anything else.' });
      break;
    case 'pixel':
      if (!/^\d{15,16}$/.test(text)) issues.push({ severity: 'error', message: 'A Facebook Pixel ID is 15 or 16 digits.' });
      break;
    case 'ga4':
      if (!/^G-[A-Z0-9]+$/.test(text)) issues.push({ severity: 'warning', message: 'A Google Analytics 4 ID looks like G-ABC123XYZ.' });
      break;
    case 'https':
      if (!/^https:\/\/[^\s/]+/i.test(text)) issues.push({ severity: 'error', message: 'Use a full web address starting with https://.' });
      break;
    default:
      break;
  }
  // The page rules for printed text, titles and addresses, under a key that selects them.
  const ruleKey = field.kind === 'link' || field.kind === 'https' ? 'url' : field.kind === 'title' ? 'title' : 'text';
  if (field.kind !== 'colour' && field.kind !== 'pixel' && field.kind !== 'ga4') {
    for (const issue of frontMatterSafetyIssues({ [ruleKey]: text })) issues.push({ severity: issue.severity, message: issue.message });
  }
  return issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export const hasErrors = (issues: readonly FieldIssue[]) => issues.some((i) => i.severity === 'error');
