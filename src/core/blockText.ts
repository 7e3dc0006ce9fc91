/**
 * The words of a block's markup as a reader sees them, the way review comments know their block:
 * the server reads it from a page file, the editing canvas from a block's markup. No DOM needed.
 */
export function blockText(html: string): string {
  // Block-level tags separate words; inline ones (strong, a, em) sit inside them.
  const text = html
    .replace(/<\/?(?:p|div|li|ul|ol|br|h[1-6]|td|th|tr|table|section|blockquote|hr|img|figure|figcaption)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  return text.replace(/\s+/g, ' ').trim();
}

/** A block's text with every space taken out: what the canvas and a page file agree on, however each breaks lines. */
export function squeezedText(text: string): string {
  return text.replace(/\s+/g, '');
}

/** How alike two blocks read, from 0 to 1: the words they share (Dice's coefficient over their words). */
export function likeness(a: string, b: string): number {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const count = new Map<string, number>();
  for (const w of wa) count.set(w, (count.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      shared++;
      count.set(w, n - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length);
}
