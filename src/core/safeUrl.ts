/**
 * The URLs a page may link to or load: http(s), mailto, tel, and paths within the site.
 * Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so they are
 * removed before the scheme is read.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+/g, '');
  const decoded = decodeHtmlEntities(compact);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded);
  if (!scheme) return !decoded.startsWith('\\') && !/^\/\\/.test(decoded);
  return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase() + ':');
}

// Attribute values reach us decoded, but a value may carry a second layer of entities ("&#106;avascript:").
function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|colon|tab|newline);?/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === 'colon') return ':';
    if (lower === 'tab' || lower === 'newline') return '';
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : '';
  });
}
