/**
 * Links in a page's body that lead to a page address, and the same page with those links pointed at
 * a new address. Only the address bytes of each link change: the front matter, the other markup and
 * a link's `?query` or `#fragment` stay exactly as written.
 */
import { splitPageFile, withBody, writePageFile } from './pageFileText.ts';
import { samePermalink } from './pageRules.ts';

// An HTML `href` (either quote) or a markdown link target `](address` (up to a space, `)` or a title).
const LINK = /(\bhref\s*=\s*")([^"]*)"|(\bhref\s*=\s*')([^']*)'|(\]\(\s*)([^)\s]+)/gi;

/** The address part of a link (before `?` or `#`) and the rest. */
function splitLink(url: string): [string, string] {
  const cut = url.search(/[?#]/);
  return cut === -1 ? [url, ''] : [url.slice(0, cut), url.slice(cut)];
}

/**
 * The body with every link to `from` (whatever its case or closing slash) pointed at `to`, and how
 * many links changed.
 */
function pointBodyLinks(body: string, from: string, to: string): { body: string; count: number } {
  let count = 0;
  const next = body.replace(LINK, (match: string, ...groups: (string | undefined)[]) => {
    const pairIndex = [0, 2, 4].find((i) => groups[i] !== undefined)!;
    const lead = groups[pairIndex]!;
    const url = groups[pairIndex + 1]!;
    const [address, rest] = splitLink(url);
    if (address === '' || !address.startsWith('/') || !samePermalink(address, from)) return match;
    count++;
    return lead + to + rest + match.slice(lead.length + url.length);
  });
  return { body: next, count };
}

/** How many links in the page's body lead to `address`. */
export function countLinksTo(text: string, address: string): number {
  return pointBodyLinks(splitPageFile(text).body, address, address).count;
}

/** The page text with its body's links to `from` pointed at `to`, and how many changed. */
export function pointLinks(text: string, from: string, to: string): { text: string; count: number } {
  const parts = splitPageFile(text);
  const { body, count } = pointBodyLinks(parts.body, from, to);
  return { text: count === 0 ? text : writePageFile(withBody(parts, body)), count };
}
