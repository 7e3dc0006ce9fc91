/**
 * The URLs a page may link to or load: http(s), mailto, tel, and paths within the site.
 * Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so they are
 * removed before the scheme is read. So is U+FFFD, which an HTML parser puts where a NUL was
 * ("java\0script:"): harmless to a browser today, but refused rather than trusted to stay so.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function isSafeUrl(url: string): boolean {
  // An entity can spell an ignored character too ("&#9;javascript:"): compacted again after decoding.
  const decoded = compactScheme(decodeHtmlEntities(compactScheme(url)));
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded);
  if (!scheme) return !decoded.startsWith('\\') && !/^\/\\/.test(decoded);
  return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase() + ':');
}

function compactScheme(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff\ufffd]+/g, '');
}

// Attribute values reach us decoded, but a value may carry a second layer of entities ("&#106;avascript:").
function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|colon|tab|newline);?/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === 'colon') return ':';
    if (lower === 'tab' || lower === 'newline') return '';
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    // A number past the last code point would make fromCodePoint throw.
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
