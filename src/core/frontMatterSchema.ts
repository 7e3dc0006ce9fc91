/**
 * Checks the front matter of an Isomer page: what must be there, what is wrong, and what is merely unusual.
 *
 * The rules follow the page contract, not the official CMS: any punctuation is allowed in a title, and
 * permalinks that real sites already use (capitals, `’`, `&`, no trailing slash) only raise a warning, so
 * such pages open and save unchanged. Nothing here throws: odd input (null, numbers, nested objects)
 * becomes an issue or is accepted.
 */
import { z } from 'zod';
import { bidiControlMessage, findBidiControl } from './bidiControl.ts';
import { decodedText, decodedUrl, isSafeUrlValue, judgePrintedText, type PrintedFinding } from './printedMarkup.ts';

export type Severity = 'error' | 'warning';

/** One finding about one front-matter key. `message` is written for a non-technical editor. */
export interface FrontMatterIssue {
  key: string;
  severity: Severity;
  message: string;
}

export interface FrontMatterCheck {
  errors: FrontMatterIssue[];
  warnings: FrontMatterIssue[];
  /** Keys this editor does not know. They are kept as they are and never count as errors. */
  unknownKeys: string[];
}

export type PageKind = 'page' | 'collection-page' | 'resource-post' | 'homepage';

export interface FrontMatterContext {
  kind?: PageKind;
  /** The day a post date is compared with; defaults to now. */
  today?: Date;
}

/** Every front-matter key seen on real Isomer pages. */
export const KNOWN_FRONT_MATTER_KEYS: readonly string[] = Object.freeze([
  'title',
  'permalink',
  'description',
  'variant',
  'layout',
  'third_nav_title',
  'breadcrumb',
  'image',
  'date',
  'collection_name',
  'second_nav_title',
  'tag',
  'thumbnail_image',
  'file_url',
  'external',
  'notification',
  'sections',
  'excerpt',
  'contacts',
  'locations',
  'agency_name',
  'feedback',
  'datagovsg-id',
  'last_updated',
  'image-url',
]);

/** Layouts that resource-room entries use; they need a date and may leave the permalink to Jekyll. */
const RESOURCE_LAYOUTS = new Set(['post', 'file', 'link']);

/** Resource-room listing pages (`<room>/index.html`): Jekyll gives them their address from the folder. */
const LISTING_LAYOUTS = new Set(['resources', 'resources-alt']);

/** Layouts provided by the Isomer template (new and old). Others must come from the site itself. */
const KNOWN_LAYOUTS = new Set([
  'page',
  'post',
  'file',
  'link',
  'homepage',
  'search',
  'contact_us',
  'contact-us',
  'resources',
  'resources-alt',
  'leftnav-page-content',
  'simple-page',
  'leftnav-page',
  'datagovsg-search',
  'datagovsg-search-1',
  'initiatives',
  'our-journey',
  'our-team',
  'board-of-directors',
  'who-we-are',
  'isomer-landing-page',
  'landing-page',
]);

const TITLE_MAX = 100;
const TITLE_SHORT = 4;
const DESCRIPTION_MAX = 160;

/** Plain labels and help for the page settings panel. `derived` explains why a field is read-only. */
export const FIELD_HELP: Record<string, { label: string; help: string; derived?: string }> = {
  title: {
    label: 'Page title',
    help: 'Shown at the top of the page, in the browser tab and in search results. Any punctuation is fine.',
  },
  permalink: {
    label: 'Page address',
    help: 'The part of the web address after the site name, for example /about-us/. Use lowercase letters, numbers and hyphens, starting and ending with /.',
  },
  description: {
    label: 'Search description',
    help: 'A short summary shown by search engines and when the page is shared. Keep it under 160 characters.',
  },
  image: {
    label: 'Sharing image',
    help: 'The picture shown when the page is shared on social media: a file from the site, such as /images/photo.png, or an https:// address.',
  },
  variant: {
    label: 'Page format',
    help: '"tiptap" pages are edited visually; "markdown" pages hold Markdown text. The editor sets this when it saves.',
    derived: 'Set by the editor when the page is saved.',
  },
  layout: {
    label: 'Layout',
    help: 'The template the site uses to show this page. Most pages leave it empty, which means a normal page.',
  },
  third_nav_title: {
    label: 'Sub-folder',
    help: 'The group this page belongs to in the side menu of its collection.',
    derived: 'Comes from the folder the page is in. Move the page to another folder to change it.',
  },
  second_nav_title: {
    label: 'Side menu group',
    help: 'On older sites, the heading under which this page appears in the side menu.',
  },
  collection_name: {
    label: 'Collection',
    help: 'On older sites, the collection (menu section) this page belongs to.',
  },
  breadcrumb: {
    label: 'Breadcrumb',
    help: 'The short name shown in the trail of links above the page title.',
  },
  date: {
    label: 'Date',
    help: 'The publication date of a news item or resource, as YYYY-MM-DD. It cannot be in the future.',
  },
  file_url: {
    label: 'File',
    help: 'The document this entry opens, a file from the site such as /files/report.pdf.',
  },
  external: {
    label: 'Link address',
    help: 'The https:// address of the outside page this entry opens.',
  },
  notification: {
    label: 'Notification banner',
    help: 'A one-line notice shown at the top of every page of the site. Leave empty for none.',
  },
  sections: {
    label: 'Homepage sections',
    help: 'The blocks of the homepage: banner, highlights, news and so on.',
    derived: 'Edited in the homepage editor, not as text.',
  },
  contacts: {
    label: 'Contact details',
    help: 'Phone numbers, email addresses and other ways to reach the agency.',
    derived: 'Edited in the contact page editor, not as text.',
  },
  locations: {
    label: 'Locations',
    help: 'Addresses and opening hours shown on the contact page.',
    derived: 'Edited in the contact page editor, not as text.',
  },
  agency_name: {
    label: 'Agency name',
    help: 'The agency name shown on the contact page.',
  },
  feedback: {
    label: 'Feedback form',
    help: 'The address of the feedback form linked from the contact page.',
  },
  tag: {
    label: 'Tag',
    help: 'A category used by some older page layouts.',
  },
  thumbnail_image: {
    label: 'Thumbnail image',
    help: 'A small picture used by some older page layouts, such as /images/thumb.png.',
  },
  excerpt: {
    label: 'Excerpt',
    help: 'A short summary used in lists of posts on older sites.',
  },
  'datagovsg-id': {
    label: 'Data.gov.sg dataset',
    help: 'The identifier of the dataset this page shows.',
  },
  last_updated: {
    label: 'Last updated',
    help: 'A date shown on the page by some older layouts.',
  },
  'image-url': {
    label: 'Image address',
    help: 'An image used by some older layouts.',
  },
};

// ---------------------------------------------------------------------------------------------------
// Field rules. Each field has an `error` schema (the page would break or mislead) and an optional
// `warning` schema (unusual but working); a field's warnings are only reported when it has no errors.
// ---------------------------------------------------------------------------------------------------

/** Text as YAML may deliver it: numbers and booleans are shown by Jekyll as text, so they count. */
const textLike = z.union([z.string(), z.number(), z.boolean()]);

const asText = (value: unknown): string => (typeof value === 'string' ? value : String(value));

const titleError = textLike
  .transform((value) => asText(value).trim())
  .check(
    z.refine((s: string) => s.length > 0, 'The title is required.'),
    z.refine(
      (s: string) => s.length <= TITLE_MAX,
      `The title is too long. Keep it to ${TITLE_MAX} characters or fewer.`,
    ),
  );

const titleWarning = textLike.check(
  z.refine((v) => typeof v === 'string', {
    message: 'The title was read as a number or yes/no value. It will show as written, but quotes around it keep it as text.',
  }),
  z.refine((v) => asText(v).trim().length >= TITLE_SHORT, {
    message: `The title is very short. A title of at least ${TITLE_SHORT} characters helps visitors and search engines.`,
  }),
);

const permalinkError = z.string({ error: 'The page address must be text, such as /about-us/.' }).check(
  z.refine((s: string) => s.trim().length > 0, { message: 'The page address (permalink) is required.', abort: true }),
  z.refine((s: string) => s.startsWith('/'), 'The page address must start with "/", for example /about-us/.'),
  z.refine((s: string) => !/\s/.test(s), 'The page address cannot contain spaces. Use hyphens instead.'),
  z.refine((s: string) => !/[?#]/.test(s), 'The page address cannot contain "?" or "#".'),
);

const permalinkWarning = z.string().check(
  z.refine(
    (s: string) => !/[A-Z]/.test(s),
    'Permalinks usually use lowercase letters only; this one has capitals. It still works.',
  ),
  z.refine(
    (s: string) => s.endsWith('/'),
    'Permalinks usually end with "/". Without it the page still works, but links to it may differ.',
  ),
  z.refine(
    (s: string) => /^[A-Za-z0-9/_.~-]*$/.test(s),
    'This address contains characters other than letters, numbers and hyphens (such as ’ or &). It still works, but it is harder to type and share.',
  ),
  z.refine((s: string) => !s.includes('//'), 'This address has two slashes in a row. It may not open as expected.'),
);

const descriptionError = z.union([textLike, z.null()], {
  error: 'The search description must be plain text.',
});

const descriptionWarning = z.union([textLike, z.null()]).check(
  z.refine(
    (v) => v === null || asText(v).length <= DESCRIPTION_MAX,
    `The search description is longer than ${DESCRIPTION_MAX} characters. Search engines will cut it short.`,
  ),
);

const DANGEROUS_SCHEME = /^\s*(javascript|data|vbscript|file):/i;

/** A path on the site ("/images/x.png"), or an https address when `allowHttps` is set. */
function sitePathOrUrl(what: string, allowHttps: boolean) {
  const example = allowHttps ? 'a file from the site such as /images/photo.png, or an https:// address' : 'a file from the site such as /files/report.pdf';
  return z.string({ error: `The ${what} must be text: ${example}.` }).check(
    z.refine((s: string) => !DANGEROUS_SCHEME.test(s), {
      message: `The ${what} uses an address type that is not allowed (javascript: or data:). Use ${example}.`,
      abort: true,
    }),
    z.refine(
      (s: string) => {
        const v = s.trim();
        if (v === '') return true;
        if (v.startsWith('/') && !v.startsWith('//')) return true;
        return allowHttps && isUrlWithScheme(v, 'https:');
      },
      `The ${what} must be ${example}.`,
    ),
  );
}

const imageError = sitePathOrUrl('sharing image', true).nullable();

const variantError = z.enum(['tiptap', 'markdown'], {
  error: 'The page format (variant) must be "tiptap" or "markdown".',
});

const layoutError = z.string({ error: 'The layout must be a layout name, such as post.' }).check(
  z.refine((s: string) => s.trim().length > 0, 'The layout is empty. Remove it to use the normal page layout.'),
);

const layoutWarning = z.string().check(
  z.refine(
    (s: string) => KNOWN_LAYOUTS.has(s.trim()),
    'This is not one of the standard Isomer layouts. It only works if the site provides it.',
  ),
);

const navTextError = (label: string) =>
  z.union([textLike, z.null()], { error: `The ${label} must be plain text.` });

function isUrlWithScheme(value: string, scheme: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === scheme && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const externalError = z
  .string({ error: 'The link address must be text starting with https://.' })
  .check(
    z.refine((s: string) => s.trim().length > 0, { message: 'A link entry needs a link address (https://…).', abort: true }),
    z.refine((s: string) => !DANGEROUS_SCHEME.test(s), {
      message: 'The link address uses an address type that is not allowed (javascript: or data:). Use an https:// address.',
      abort: true,
    }),
    z.refine((s: string) => !/^\s*http:/i.test(s), {
      message: 'The link address must be secure: use https:// instead of http://.',
      abort: true,
    }),
    z.refine((s: string) => isUrlWithScheme(s.trim(), 'https:'), 'The link address must be a full web address starting with https://.'),
  );

const fileUrlError = sitePathOrUrl('file', false).check(
  z.refine((s: string) => s.trim().length > 0, 'A file entry needs a file, such as /files/report.pdf.'),
);

/** A date as YAML gives it: a Date object, or a 'YYYY-MM-DD' string (optionally followed by a time). */
const dateValue = z.union([z.date(), z.string()], { error: 'The date must be written as YYYY-MM-DD, for example 2024-03-15.' })
  .transform((v, ctx) => {
    const key = dateKey(v);
    if (key === null) {
      ctx.addIssue({ code: 'custom', message: 'The date must be a real date written as YYYY-MM-DD, for example 2024-03-15.' });
      return z.NEVER;
    }
    return key;
  });

/** 'YYYY-MM-DD' of a YAML date; YAML dates are midnight UTC, so the UTC calendar day is the written one. */
function dateKey(value: Date | string): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ].*)?\s*$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Today's calendar day where the editor is being used. */
function localDayKey(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

// ---------------------------------------------------------------------------------------------------
// Safety. Layouts print front-matter strings unescaped and put addresses into links, so every string,
// at any depth (homepage sections, contact details), is judged as printed markup, and every address
// as an address. A key with a safety error gets only that error: it is the one to fix first.
// ---------------------------------------------------------------------------------------------------

/** Keys, at any depth, whose values are addresses a layout links to or loads. */
const URL_KEYS = new Set(['permalink', 'image', 'file_url', 'external', 'url', 'link_url', 'maps_link', 'background', 'thumbnail_image', 'image-url', 'feedback', 'logo', 'link', 'href', 'src']);
const isUrlKey = (key: string) => URL_KEYS.has(key) || /[_-](url|link)$/.test(key);
/** Keys, at any depth, that hold a title: no text-direction controls there. */
const isTitleKey = (key: string) => key === 'title' || key.endsWith('_title');
/** Deeper values are refused rather than left unchecked. */
const SAFETY_DEPTH = 32;

const ALLOWED_MARKUP = 'Plain formatting such as <b>, <i>, <em>, <strong>, <br> and links to web addresses is allowed.';

function printedMessage(finding: PrintedFinding): string {
  return finding.severity === 'error'
    ? `This text holds markup that could run on the published site: ${finding.what}. Layouts print it as HTML, so remove it. ${ALLOWED_MARKUP}`
    : `Layouts print this text as HTML, so ${finding.what} here becomes part of the page. It cannot run anything, but it can change what follows it.`;
}

/** A printed string: markup that can run is an error, markup that only changes the look a warning. */
const printedTextError = z.string().superRefine((text, ctx) => {
  const first = judgePrintedText(text)[0];
  if (first?.severity === 'error') ctx.addIssue({ code: 'custom', message: printedMessage(first) });
});

const printedTextWarning = z.string().superRefine((text, ctx) => {
  const first = judgePrintedText(text)[0];
  if (first) ctx.addIssue({ code: 'custom', message: printedMessage(first) });
});

const titleTextError = z.string().superRefine((text, ctx) => {
  const code = findBidiControl(text) ?? findBidiControl(decodedText(text));
  if (code) ctx.addIssue({ code: 'custom', message: bidiControlMessage(code) });
});

const urlTextError = z.string().superRefine((text, ctx) => {
  if (!isSafeUrlValue(text)) {
    const shown = decodedUrl(text).trim();
    ctx.addIssue({
      code: 'custom',
      message: `This address type is not allowed: "${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}" could run a program or load something unsafe on the published site. Use a web address (https://…) or a path on the site, such as /images/photo.png.`,
    });
  }
});

const permalinkSafetyError = z.string().superRefine((text, ctx) => {
  if (/^\s*\/[/\\]/.test(decodedUrl(text))) {
    ctx.addIssue({ code: 'custom', message: 'A page address that starts with // leads to another website, not to a page of this site. Start it with a single /, for example /about-us/.' });
  }
});

/** The safety errors and warnings of the whole front matter; each issue's key is the top-level key it sits under. */
export function frontMatterSafetyIssues(fm: Record<string, unknown>): FrontMatterIssue[] {
  const issues: FrontMatterIssue[] = [];
  const visit = (value: unknown, path: (string | number)[], depth: number): void => {
    const topKey = String(path[0]);
    const where = path.length > 1 ? `In ${path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : p)).join(' › ')}: ` : '';
    if (depth > SAFETY_DEPTH) {
      issues.push({ key: topKey, severity: 'error', message: `${where}This setting is nested too deeply to be checked for unsafe markup.` });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], depth + 1));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key], depth + 1);
    if (typeof value !== 'string') return;
    const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? topKey;
    // The most specific rule first; a value gets one message, the first that applies.
    const rules: [z.ZodType, Severity][] = [];
    if (path.length === 1 && key === 'permalink') rules.push([permalinkSafetyError, 'error']);
    if (isUrlKey(key)) rules.push([urlTextError, 'error']);
    if (isTitleKey(key)) rules.push([titleTextError, 'error']);
    rules.push([printedTextError, 'error'], [printedTextWarning, 'warning']);
    for (const [rule, severity] of rules) {
      const parsed = rule.safeParse(value);
      if (parsed.success) continue;
      for (const issue of parsed.error.issues) issues.push({ key: topKey, severity, message: where + issue.message });
      return;
    }
  };
  for (const [key, value] of Object.entries(fm)) visit(value, [key], 0);
  return issues;
}

// ---------------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Checks page front matter (as parsed from YAML) against the Isomer rules.
 * `context.kind` says what sort of page it is; when absent, resource posts are recognised by their layout.
 */
export function checkFrontMatter(data: Record<string, unknown>, context: FrontMatterContext = {}): FrontMatterCheck {
  const result: FrontMatterCheck = { errors: [], warnings: [], unknownKeys: [] };
  const add = (key: string, severity: Severity, message: string) => {
    const list = severity === 'error' ? result.errors : result.warnings;
    if (!list.some((i) => i.key === key && i.message === message)) list.push({ key, severity, message });
  };

  try {
    const fm: Record<string, unknown> = isRecord(data) ? data : {};
    if (data !== null && data !== undefined && !isRecord(data)) {
      add('', 'error', 'The page settings could not be read as a list of named values.');
    }
    const has = (key: string) => Object.prototype.hasOwnProperty.call(fm, key);

    /** Runs the error schema, then (only if that passed) the warning schema, recording their messages. */
    const apply = (key: string, error: z.ZodType, warning?: z.ZodType): boolean => {
      const value = fm[key];
      const parsed = error.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) add(key, 'error', issue.message);
        return false;
      }
      if (warning) {
        const soft = warning.safeParse(value);
        if (!soft.success) for (const issue of soft.error.issues) add(key, 'warning', issue.message);
      }
      return true;
    };

    const layout = typeof fm.layout === 'string' ? fm.layout.trim() : undefined;
    const isResourceEntry = (layout !== undefined && RESOURCE_LAYOUTS.has(layout)) || context.kind === 'resource-post';

    // title
    if (isBlank(fm.title)) add('title', 'error', 'The title is required.');
    else apply('title', titleError, titleWarning);

    // permalink: resource-room entries may leave it to Jekyll
    if (isBlank(fm.permalink)) {
      const addressFromJekyll = isResourceEntry || (layout !== undefined && LISTING_LAYOUTS.has(layout));
      if (!addressFromJekyll) add('permalink', 'error', 'The page address (permalink) is required, for example /about-us/.');
    } else {
      apply('permalink', permalinkError, permalinkWarning);
    }

    if (has('description')) apply('description', descriptionError, descriptionWarning);
    if (has('image')) apply('image', imageError);
    if (has('thumbnail_image') && fm.thumbnail_image !== null) apply('thumbnail_image', sitePathOrUrl('thumbnail image', true));
    if (has('variant')) apply('variant', variantError);
    if (has('layout')) apply('layout', layoutError, layoutWarning);
    if (has('notification')) apply('notification', z.union([textLike, z.null()], { error: 'The notification must be plain text.' }));

    for (const [key, label] of [
      ['third_nav_title', 'sub-folder name'],
      ['second_nav_title', 'side menu group'],
      ['collection_name', 'collection name'],
      ['breadcrumb', 'breadcrumb'],
    ] as const) {
      if (has(key)) apply(key, navTextError(label));
    }

    // date: required on resource entries, never in the future; elsewhere only checked for shape
    if (isBlank(fm.date)) {
      if (isResourceEntry) add('date', 'error', 'A news or resource entry needs a date, written as YYYY-MM-DD.');
    } else {
      const parsed = dateValue.safeParse(fm.date);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) add('date', isResourceEntry ? 'error' : 'warning', issue.message);
      } else if (isResourceEntry && parsed.data > localDayKey(context.today ?? new Date())) {
        add('date', 'error', 'The date is in the future. Entries cannot be dated later than today.');
      }
    }

    if (layout === 'file') {
      if (isBlank(fm.file_url)) add('file_url', 'error', 'A file entry needs a file, such as /files/report.pdf.');
      else apply('file_url', fileUrlError);
    } else if (has('file_url') && !isBlank(fm.file_url)) {
      apply('file_url', fileUrlError);
    }

    if (layout === 'link') {
      if (isBlank(fm.external)) add('external', 'error', 'A link entry needs a link address (https://…).');
      else apply('external', externalError);
    } else if (has('external') && !isBlank(fm.external)) {
      apply('external', externalError);
    }

    for (const key of Object.keys(fm)) {
      if (!KNOWN_FRONT_MATTER_KEYS.includes(key)) result.unknownKeys.push(key);
    }
  } catch {
    // A rule must never stop a page from opening.
    add('', 'warning', 'Some page settings could not be checked.');
  }
  // Even when another rule failed: what the layouts print is always judged.
  addSafetyIssues(result, isRecord(data) ? data : {});
  return result;
}

/** Puts the safety issues first; a key with a safety error keeps no other issue. */
function addSafetyIssues(result: FrontMatterCheck, fm: Record<string, unknown>): void {
  let safety: FrontMatterIssue[];
  try {
    safety = frontMatterSafetyIssues(fm);
  } catch (error) {
    // Unchecked is not safe: without a DOM to judge with, the page is held back.
    safety = [{ key: '', severity: 'error', message: `The page settings could not be checked for unsafe markup: ${error instanceof Error ? error.message : String(error)}` }];
  }
  const unsafeKeys = new Set(safety.filter((i) => i.severity === 'error').map((i) => i.key));
  const others = (list: FrontMatterIssue[]) => list.filter((i) => !unsafeKeys.has(i.key));
  const unique = (list: FrontMatterIssue[]) => list.filter((i, n) => list.findIndex((j) => j.key === i.key && j.message === i.message) === n);
  result.errors = unique([...safety.filter((i) => i.severity === 'error'), ...others(result.errors)]);
  result.warnings = unique([...others(result.warnings), ...safety.filter((i) => i.severity === 'warning' && !unsafeKeys.has(i.key))]);
}

/** Turns text into a lowercase slug of a-z, 0-9 and single hyphens. */
function slugify(text: string): string {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const SLUG_MAX = 80;

/**
 * Suggests a permalink for a new page: "/<slug of title>/", under `prefix` when given
 * (e.g. "/about" or "about/our-parks" gives "/about/our-parks/<slug>/").
 */
export function suggestPermalink(title: string, prefix?: string): string {
  let slug = slugify(title);
  if (slug.length > SLUG_MAX) {
    const cut = slug.slice(0, SLUG_MAX);
    slug = (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut).replace(/-+$/, '');
  }
  if (slug === '') slug = 'page';
  const parts = String(prefix ?? '')
    .split('/')
    .map(slugify)
    .filter((p) => p.length > 0);
  return `/${[...parts, slug].join('/')}/`;
}
