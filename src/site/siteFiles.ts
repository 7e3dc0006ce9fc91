/**
 * The site data files an editor may change, and what a save of one must pass: the text parses, the
 * values that changed follow their field rules, and `_config.yml` changes only the editable settings.
 * The server and folder mode both refuse a save that fails (the editor checks first, too).
 */
import { FOOTER_FIELDS, FOOTER_FILE } from './footer.ts';
import { NAV_LOGO_FIELD, NAV_TITLE_FIELD, NAV_URL_FIELD, NAVIGATION_FILE, readNavigation, type Navigation } from './navigation.ts';
import { checkFieldValue, type SiteField } from './siteField.ts';
import { readFieldValue } from './siteForm.ts';
import { changesOutsideSettings, CONFIG_FILE, SETTINGS_FIELDS } from './siteSettings.ts';
import { parseSiteYaml, SiteYamlError } from './yamlTextEdit.ts';

export type SiteFileName = 'navigation' | 'footer' | 'settings';

export const SITE_FILES: Record<SiteFileName, string> = {
  navigation: NAVIGATION_FILE,
  footer: FOOTER_FILE,
  settings: CONFIG_FILE,
};

export function isSiteFileName(name: unknown): name is SiteFileName {
  return name === 'navigation' || name === 'footer' || name === 'settings';
}

export interface SiteFileProblem {
  /** The setting, as a dotted path (`links.2.title`, `colors.primary-color`). */
  key: string;
  message: string;
}

const parseProblem = (text: string): SiteFileProblem | null => {
  try {
    parseSiteYaml(text);
    return null;
  } catch (err) {
    return { key: '', message: err instanceof SiteYamlError ? err.message : String(err) };
  }
};

function fieldProblems(fields: readonly SiteField[], before: string | null, after: string): SiteFileProblem[] {
  const problems: SiteFileProblem[] = [];
  for (const field of fields) {
    const value = readFieldValue(after, field);
    if (before !== null && readFieldValue(before, field) === value) continue; // judged when it was written
    for (const issue of checkFieldValue(field, value)) {
      if (issue.severity === 'error') problems.push({ key: field.path.join('.'), message: `${field.label}: ${issue.message}` });
    }
  }
  return problems;
}

/** The navigation's links, each judged when new or changed. */
function navigationProblems(before: Navigation | null, after: Navigation): SiteFileProblem[] {
  const problems: SiteFileProblem[] = [];
  const known = new Set(before?.links.flatMap((l) => [`${l.title}\u0000${l.target}`, ...l.sublinks.map((s) => `${s.title}\u0000${s.url}`)]) ?? []);
  const judge = (key: string, title: string, url: string | null) => {
    if (known.has(`${title}\u0000${url ?? ''}`)) return;
    for (const [field, value] of [[NAV_TITLE_FIELD, title], [NAV_URL_FIELD, url]] as const) {
      if (value === null) continue;
      for (const issue of checkFieldValue(field, value)) {
        if (issue.severity === 'error') problems.push({ key: `${key}.${field.path[0]}`, message: `${field.label}: ${issue.message}` });
      }
    }
  };
  after.links.forEach((link, i) => {
    judge(`links.${i}`, link.title, link.kind === 'url' ? link.target : null);
    link.sublinks.forEach((sub, j) => judge(`links.${i}.sublinks.${j}`, sub.title, sub.url));
  });
  return problems;
}

/**
 * Why `after` may not replace `before` (null when the file is new); empty when it may.
 */
export function siteFileProblems(name: SiteFileName, before: string | null, after: string): SiteFileProblem[] {
  const broken = parseProblem(after);
  if (broken) return [broken];
  if (name === 'navigation') {
    let nav: Navigation;
    try {
      nav = readNavigation(after);
    } catch (err) {
      return [{ key: '', message: err instanceof Error ? err.message : String(err) }];
    }
    const old = before !== null && !parseProblem(before) ? readNavigation(before) : null;
    return [...fieldProblems(nav.format === 'current' ? [NAV_LOGO_FIELD] : [], before, after), ...navigationProblems(old, nav)];
  }
  if (name === 'footer') return fieldProblems(FOOTER_FIELDS, before, after);
  const outside = before === null ? [] : changesOutsideSettings(before, after);
  if (outside.length) {
    return outside.map((key) => ({ key, message: `"${key}" builds the site and is not changed from the editor; only the site settings may be.` }));
  }
  return fieldProblems(SETTINGS_FIELDS, before, after);
}
