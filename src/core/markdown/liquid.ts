import { Liquid, Tokenizer, TypeGuards, type TagToken } from 'liquidjs';

type OutputToken = ReturnType<Tokenizer['readOutputToken']>;

/** What a page needs to know about its site to resolve Liquid that has a static meaning. */
export interface SiteOptions {
  /** `baseurl` from `_config.yml` (e.g. "/parks"); "" when absent. */
  baseurl?: string;
  /** `url` from `_config.yml`; converted pages use site-relative paths, so it is only kept for reference. */
  url?: string;
}

/** One top-level piece of Liquid in a markdown body, with its exact place in the source. */
export interface LiquidRegion {
  /** Offsets of the region in the source: from its first tag to the end of its matching end tag. */
  start: number;
  end: number;
  /** The exact source text of the region. */
  text: string;
  /** `resolved`: replaced by `value` before parsing. `kept`: kept verbatim. `unclosed`: a `{{`/`{%` that never closes. */
  kind: 'resolved' | 'kept' | 'unclosed';
  /** The text a resolved region stands for. */
  value: string;
  /** Liquid's whitespace control (`{{-`, `-}}`) on the region's outer tags. */
  trimLeft: boolean;
  trimRight: boolean;
  /** A short description for the report, e.g. `{% for %} loop` or `absolute_url`. */
  what: string;
}

// The tokenizer needs the engine's normalised options (delimiters, trimming); one engine serves all.
let engineOptions: Liquid['options'] | null = null;
function liquidOptions(): Liquid['options'] {
  engineOptions ??= new Liquid().options;
  return engineOptions;
}

const URL_FILTERS = new Set(['absolute_url', 'relative_url']);

/**
 * Finds the top-level Liquid of a source text with liquidjs's tokenizer: each output tag, each block
 * tag through its matching end tag (nested blocks included), each standalone tag. Output tags with a
 * static meaning are resolved; everything else is marked to be kept as written.
 */
export function scanLiquid(source: string, site: SiteOptions = {}): LiquidRegion[] {
  const tags = readTags(source);
  const regions: LiquidRegion[] = [];
  for (let i = 0; i < tags.length; i++) {
    const token = tags[i]!;
    if ('unclosed' in token) {
      regions.push(region(source, token.begin, token.end, 'unclosed', '', false, false, 'unclosed Liquid tag'));
      continue;
    }
    if (TypeGuards.isOutputToken(token)) {
      const value = resolveOutput(token.content, site);
      const what = value === null ? describeOutput(token.content) : value.what;
      regions.push(
        region(source, token.begin, token.end, value === null ? 'kept' : 'resolved', value?.value ?? '', token.trimLeft, token.trimRight, what),
      );
      continue;
    }
    const tag = token as TagToken;
    const endIndex = matchingEnd(tags, i);
    const last = (endIndex === -1 ? tag : tags[endIndex]!) as TagToken;
    const what = endIndex === -1 ? `{% ${tag.name} %} tag` : `{% ${tag.name} %}…{% end${tag.name} %} block`;
    regions.push(region(source, tag.begin, last.end, 'kept', '', tag.trimLeft, last.trimRight, what));
    if (endIndex !== -1) i = endIndex;
  }
  return regions;
}

type ScannedTag = TagToken | OutputToken | { unclosed: true; begin: number; end: number };

/** Every tag and output token of the source, in order. An opener that never closes is noted and skipped. */
function readTags(source: string): ScannedTag[] {
  const found: ScannedTag[] = [];
  // What the tokenizer reads: the source, with openers that cannot close masked (same length, same offsets).
  let text = source;
  let from = 0;
  while (from < text.length) {
    const tokenizer = new Tokenizer(text, undefined, undefined, [from, text.length]);
    let before = from;
    try {
      while (!tokenizer.end()) {
        before = tokenizer.p;
        const token = tokenizer.readTopLevelToken(liquidOptions());
        if (TypeGuards.isTagToken(token) || TypeGuards.isOutputToken(token)) found.push(token);
      }
      from = text.length;
    } catch {
      // The tokenizer failed on a tag or output that starts at `before`: note its opener and go on after it.
      const opener = text.slice(before, before + 2);
      const closer = opener === '{{' ? '}}' : '%}';
      if (text.indexOf(closer, before + 2) === -1) {
        // No opener of this kind from here on can close: note them all at once instead of one scan each.
        for (let at = text.indexOf(opener, before); at !== -1; at = text.indexOf(opener, at + 2)) {
          found.push({ unclosed: true, begin: at, end: at + 2 });
        }
        text = text.slice(0, before) + text.slice(before).split(opener).join('\u0001\u0001');
      } else {
        found.push({ unclosed: true, begin: before, end: before + 2 });
      }
      from = before + 2;
    }
  }
  return found.sort((a, b) => a.begin - b.begin);
}

/** The index of the tag that closes the block opened at `index`; -1 for a tag without an end. */
function matchingEnd(tags: ScannedTag[], index: number): number {
  const open = tags[index] as TagToken;
  const name = open.name;
  const endName = `end${name}`;
  // `raw` holds no tags (the tokenizer reads its content as text); `comment` may hold anything but itself.
  let depth = 0;
  for (let j = index + 1; j < tags.length; j++) {
    const token = tags[j]!;
    if ('unclosed' in token || !TypeGuards.isTagToken(token)) continue;
    if (token.name === name) depth++;
    else if (token.name === endName) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

function region(
  source: string,
  start: number,
  end: number,
  kind: LiquidRegion['kind'],
  value: string,
  trimLeft: boolean,
  trimRight: boolean,
  what: string,
): LiquidRegion {
  return { start, end, text: source.slice(start, end), kind, value, trimLeft, trimRight, what };
}

/** The value of an output tag with a static meaning; null for anything that needs the site's data. */
export function resolveOutput(content: string, site: SiteOptions): { value: string; what: string } | null {
  let parsed;
  try {
    const tokenizer = new Tokenizer(content);
    parsed = tokenizer.readFilteredValue();
    tokenizer.skipBlank();
    if (!tokenizer.end()) return null;
  } catch {
    return null;
  }
  const postfix = parsed.initial.postfix;
  if (postfix.length !== 1) return null;
  const initial = postfix[0]!;
  const filters = parsed.filters;
  if (filters.some((f) => !URL_FILTERS.has(f.name) || f.args.length > 0) || filters.length > 1) return null;

  if (TypeGuards.isQuotedToken(initial)) {
    const text = initial.content;
    if (filters.length === 0) return { value: text, what: 'a quoted string' };
    return { value: relativeUrl(text, site.baseurl ?? ''), what: filters[0]!.name };
  }
  if (TypeGuards.isPropertyAccessToken(initial) && filters.length === 0) {
    const path = initial.props.map((p) => (TypeGuards.isWordToken(p) || TypeGuards.isQuotedToken(p) ? p.content : null));
    if (path.length === 2 && path[0] === 'site' && path[1] === 'baseurl') return { value: site.baseurl ?? '', what: 'site.baseurl' };
    // Converted pages link site-relatively: the site's own host is dropped.
    if (path.length === 2 && path[0] === 'site' && path[1] === 'url') return { value: '', what: 'site.url' };
  }
  return null;
}

function describeOutput(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim();
  return `{{ ${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat} }}`;
}

/**
 * Jekyll's `relative_url`: the base URL and the path joined with single slashes, then normalised as a
 * URI (spaces and other characters a path cannot hold are percent-encoded). `absolute_url` is the same
 * path: converted pages stay site-relative. Absolute addresses come back unchanged.
 */
export function relativeUrl(input: string, baseurl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return input;
  const base = baseurl.replace(/\/+$/, '');
  const joined = `${base === '' ? '' : ensureLeadingSlash(base)}${ensureLeadingSlash(input)}`;
  return encodePath(joined);
}

function ensureLeadingSlash(text: string): string {
  return text.startsWith('/') ? text : `/${text}`;
}

/** Percent-encodes what a URI path cannot hold, leaving existing `%XX` escapes alone. */
export function encodePath(path: string): string {
  return path.replace(/%(?![0-9a-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]/giu, (ch) => encodeURIComponent(ch));
}
