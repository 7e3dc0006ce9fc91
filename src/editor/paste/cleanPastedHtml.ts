/**
 * Cleans clipboard HTML from word processors and web pages before the sanitiser and the editor's
 * parser see it: what carries meaning (headings, lists, links, bold, italic, underline, tables) is
 * kept as plain elements; classes, styles, spans, wrappers and office markup are dropped.
 *
 * Images are never pasted: a `data:` or local-file image cannot be saved as it is, and a picture from
 * another site should live in the site's media. The caller tells the user to upload them instead.
 */

export interface CleanedPaste {
  html: string;
  /** Images left out of the paste (the user is asked to upload them through the media library). */
  removedImages: number;
}

// Copies inside the editor (ProseMirror marks them with data-pm-slice) keep their blocks as they are.
const INTERNAL_MARKER = /\bdata-pm-slice=/;
// Classes the site's blocks use; every other class is formatting junk.
const KEPT_CLASS = /^(?:isomer-[\w-]+|iframe-wrapper|tight)$/;
const KEPT_DATA_ATTRIBUTES = new Set(['data-type', 'data-checked', 'data-tight']);
const KEPT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  iframe: ['src', 'width', 'height', 'title', 'allow', 'allowfullscreen', 'frameborder', 'referrerpolicy'],
  details: ['open'],
  input: ['type', 'checked'],
};
const DROPPED_ELEMENTS = new Set(['style', 'script', 'meta', 'link', 'title', 'xml', 'head', 'noscript', 'template', 'object', 'embed', 'svg', 'math', 'form', 'button', 'select', 'textarea']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'center', 'figure', 'figcaption', 'address', 'hgroup', 'search']);
const UNWRAPPED_INLINE = new Set(['span', 'font', 'small', 'big', 'abbr', 'acronym', 'cite', 'dfn', 'kbd', 'samp', 'var', 'time', 'data', 'bdi', 'bdo', 'label', 'ins', 'nobr', 'wbr']);
const BLOCK_TAGS = new Set([
  ...CONTAINERS,
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'colgroup', 'col', 'blockquote', 'pre', 'hr', 'details', 'summary', 'iframe',
]);

export function cleanPastedHtml(html: string, doc: Document = document): CleanedPaste {
  if (INTERNAL_MARKER.test(html)) return removeImagesOnly(html, doc);

  const work = doc.implementation.createHTMLDocument('');
  work.body.innerHTML = stripOfficeComments(extractBody(html));
  const root = work.body;
  let removedImages = 0;

  // Images first: nothing below may lose track of them.
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const inIsomerWrapper = img.parentElement?.classList.contains('isomer-image-wrapper') ?? false;
    const src = img.getAttribute('src') ?? '';
    if (!inIsomerWrapper || /^\s*(?:data|file|blob|cid):/i.test(src)) {
      removedImages += 1;
      img.remove();
    }
  }
  // Word's vector shapes hold its images; they cannot be pasted either.
  for (const shape of Array.from(root.getElementsByTagName('v:imagedata'))) {
    removedImages += 1;
    shape.remove();
  }

  removeUnwanted(root);
  convertWordLists(root, work);
  convertRoleHeadings(root, work);
  convertStyledRuns(root, work);
  unwrapNeutralFormatting(root);
  flattenContainers(root, work);
  fixListNesting(root);
  mergeAdjacentLists(root);
  nestListsByLevel(root, work);
  cleanAttributes(root);
  unwrapInline(root);
  dropEmptyBlocks(root);

  return { html: root.innerHTML.trim(), removedImages };
}

function removeImagesOnly(html: string, doc: Document): CleanedPaste {
  const work = doc.implementation.createHTMLDocument('');
  work.body.innerHTML = html;
  let removedImages = 0;
  for (const img of Array.from(work.body.querySelectorAll('img'))) {
    if (/^\s*(?:data|file|blob|cid):/i.test(img.getAttribute('src') ?? '')) {
      removedImages += 1;
      // An image block keeping an empty wrapper would not parse: remove the wrapper too.
      const wrapper = img.closest('.isomer-image-wrapper');
      if (wrapper && !wrapper.closest('.isomer-card')) wrapper.remove();
      else img.remove();
    }
  }
  return { html: removedImages > 0 ? work.body.innerHTML : html, removedImages };
}

/** The clipboard often holds a whole document; only the part between the fragment markers is the paste. */
function extractBody(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  if (start !== -1 && end > start) return html.slice(start + '<!--StartFragment-->'.length, end);
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return body ? body[1]! : html;
}

/**
 * Word writes conditional comments: `<!--[if …]>…<![endif]-->` hides markup from browsers (dropped with
 * its content), `<![if …]>…<![endif]>` shows it to them (only the markers go).
 */
function stripOfficeComments(html: string): string {
  return html
    .replace(/<!--\[if[^\]]*\]>[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '');
}

function removeUnwanted(root: HTMLElement): void {
  const walker = root.ownerDocument.createTreeWalker(root, 0x80 /* comments */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const name = el.localName;
    if (DROPPED_ELEMENTS.has(name) || name === 'o:p' || name.startsWith('v:') || name.startsWith('w:') || name.startsWith('m:')) {
      // `<o:p>&nbsp;</o:p>` is Word's empty-paragraph filler.
      el.remove();
    }
  }
  // Word Online ends every paragraph with a marker holding a no-break space.
  for (const el of Array.from(root.querySelectorAll('.EOP'))) el.remove();
  // Google Docs and Word's own bookmarks: anchors that go nowhere.
  for (const a of Array.from(root.querySelectorAll('a:not([href])'))) unwrap(a);
}

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

/** Word paragraphs with `mso-list` are list items with a typed-out marker: rebuilt as real lists. */
function convertWordLists(root: HTMLElement, doc: Document): void {
  const isWordItem = (el: Element | null): el is HTMLElement =>
    el !== null && el.localName === 'p' && (/mso-list:l\d+/.test(styleOf(el)) || /^MsoListParagraph/i.test(el.getAttribute('class') ?? ''));

  for (const first of Array.from(root.querySelectorAll('p'))) {
    if (!first.isConnected || !isWordItem(first) || isWordItem(first.previousElementSibling)) continue;
    const items: HTMLElement[] = [];
    for (let el: Element | null = first; isWordItem(el); el = el.nextElementSibling) items.push(el);

    const top = doc.createElement('div');
    first.before(top);
    // stack[i]: the list at level i + 1.
    const stack: HTMLElement[] = [];
    for (const item of items) {
      const level = Number(/level(\d+)/.exec(styleOf(item))?.[1] ?? '1');
      const marker = takeMarker(item);
      const tag = /^(?:\(?[0-9]+[.)]?|\(?[a-z]{1,4}[.)])$/i.test(marker) ? 'ol' : 'ul';
      while (stack.length > level) stack.pop();
      while (stack.length < level) {
        const list = doc.createElement(tag);
        const parentList = stack[stack.length - 1];
        if (parentList) {
          let holder = parentList.lastElementChild;
          if (!holder) {
            holder = doc.createElement('li');
            parentList.appendChild(holder);
          }
          holder.appendChild(list);
        } else {
          top.appendChild(list);
        }
        stack.push(list);
      }
      let list = stack[stack.length - 1]!;
      if (list.localName !== tag && list.children.length === 0) {
        const replacement = doc.createElement(tag);
        list.replaceWith(replacement);
        stack[stack.length - 1] = replacement;
        list = replacement;
      }
      const li = doc.createElement('li');
      const p = doc.createElement('p');
      while (item.firstChild) p.appendChild(item.firstChild);
      li.appendChild(p);
      list.appendChild(li);
      item.remove();
    }
    top.replaceWith(...Array.from(top.childNodes));
  }
}

/** Removes the typed-out marker ("1.", "·", "o") Word puts before a list item's text; returns it. */
function takeMarker(item: HTMLElement): string {
  const ignored = Array.from(item.querySelectorAll('span')).find((s) => /mso-list:ignore/.test(styleOf(s)));
  if (ignored) {
    const text = (ignored.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    ignored.remove();
    return text;
  }
  return '';
}

/** Word Online marks headings as `<p role="heading" aria-level="2">`. */
function convertRoleHeadings(root: HTMLElement, doc: Document): void {
  for (const el of Array.from(root.querySelectorAll('[role="heading"]'))) {
    const level = Math.min(6, Math.max(1, Number(el.getAttribute('aria-level') ?? '2') || 2));
    if (/^h[1-6]$/.test(el.localName)) continue;
    rename(el, `h${level}`, doc);
  }
  for (const el of Array.from(root.querySelectorAll('p'))) {
    const cls = el.getAttribute('class') ?? '';
    if (/\bMsoTitle\b/.test(cls)) rename(el, 'h1', doc);
    else if (/\bMsoHeading(\d)\b/.test(cls)) rename(el, `h${Math.min(6, Number(/\bMsoHeading(\d)\b/.exec(cls)![1]))}`, doc);
  }
}

/** Google Docs and Word Online give formatting as styles on spans: turned into real marks. */
function convertStyledRuns(root: HTMLElement, doc: Document): void {
  for (const el of Array.from(root.querySelectorAll('span, font, a, p, li, td, th'))) {
    const style = styleOf(el);
    if (!style) continue;
    const wrappers: string[] = [];
    const weight = /(?:^|;)font-weight:(\w+)/.exec(style)?.[1];
    const isHeading = el.closest('h1, h2, h3, h4, h5, h6, th') !== null;
    if (weight && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) && !isHeading) wrappers.push('strong');
    if (/(?:^|;)font-style:(?:italic|oblique)/.test(style)) wrappers.push('em');
    const decoration = /(?:^|;)text-decoration(?:-line)?:([^;]+)/.exec(style)?.[1] ?? '';
    // Links are underlined by the site already.
    if (decoration.includes('underline') && el.closest('a') === null) wrappers.push('u');
    if (decoration.includes('line-through')) wrappers.push('s');
    const align = /(?:^|;)vertical-align:(\w+)/.exec(style)?.[1];
    if (align === 'super') wrappers.push('sup');
    else if (align === 'sub') wrappers.push('sub');
    if (wrappers.length === 0) continue;
    // Block elements get the marks inside them; inline ones are wrapped.
    const inside = el.localName !== 'span' && el.localName !== 'font';
    let target: Element = el;
    for (const tag of wrappers) {
      const wrapper = doc.createElement(tag);
      if (inside) {
        while (target.firstChild) wrapper.appendChild(target.firstChild);
        target.appendChild(wrapper);
        target = wrapper;
      } else {
        while (el.firstChild) wrapper.appendChild(el.firstChild);
        el.appendChild(wrapper);
      }
    }
  }
}

/** `<b style="font-weight:normal">` (Google Docs' wrapper) and the like mean nothing: unwrapped. */
function unwrapNeutralFormatting(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll('b, strong'))) {
    if (/font-weight:(?:normal|400)/.test(styleOf(el)) || (el.getAttribute('id') ?? '').startsWith('docs-internal-guid')) unwrap(el);
  }
  for (const el of Array.from(root.querySelectorAll('i, em'))) {
    if (/font-style:normal/.test(styleOf(el))) unwrap(el);
  }
  // Bold headings are bold already.
  for (const el of Array.from(root.querySelectorAll('h1 b, h1 strong, h2 b, h2 strong, h3 b, h3 strong, h4 b, h4 strong, h5 b, h5 strong, h6 b, h6 strong'))) unwrap(el);
}

function hasKeptClass(el: Element): boolean {
  return Array.from(el.classList).some((c) => KEPT_CLASS.test(c)) || el.hasAttribute('data-type');
}

/** Layout wrappers go: one holding only text becomes a paragraph, one holding blocks leaves them in place. */
function flattenContainers(root: HTMLElement, doc: Document): void {
  const containers = Array.from(root.querySelectorAll('*')).filter((el) => CONTAINERS.has(el.localName) && !hasKeptClass(el));
  // Innermost first, so a wrapper sees its children already flattened.
  for (const el of containers.reverse()) {
    const hasBlocks = Array.from(el.children).some((child) => BLOCK_TAGS.has(child.localName));
    const insideInline = el.parentElement !== null && (el.parentElement.localName === 'p' || /^h[1-6]$/.test(el.parentElement.localName) || el.parentElement.localName === 'li' || el.parentElement.localName === 'td' || el.parentElement.localName === 'th');
    if (hasBlocks || insideInline || (el.textContent ?? '').trim() === '') unwrap(el);
    else rename(el, 'p', doc);
  }
}

/** A list directly inside a list (Google Docs writes them so) belongs in the item before it. */
function fixListNesting(root: HTMLElement): void {
  for (const list of Array.from(root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol'))) {
    const previous = list.previousElementSibling;
    if (previous?.localName === 'li') previous.appendChild(list);
  }
  // A list item's text sits in a paragraph; one holding bare text and lists is given one.
  for (const li of Array.from(root.querySelectorAll('li'))) {
    if (li.getAttribute('data-type') === 'taskItem') continue;
    const first = li.firstChild;
    if (first && (first.nodeType === 3 || (first.nodeType === 1 && !BLOCK_TAGS.has((first as Element).localName)))) {
      const p = li.ownerDocument.createElement('p');
      while (li.firstChild && !(li.firstChild.nodeType === 1 && BLOCK_TAGS.has((li.firstChild as Element).localName))) p.appendChild(li.firstChild);
      li.insertBefore(p, li.firstChild);
    }
  }
}

/** Word Online writes every list item as a list of its own; neighbours of one kind become one list. */
function mergeAdjacentLists(root: HTMLElement): void {
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (!list.isConnected) continue;
    let next = nextElementSkippingBlank(list);
    while (next && next.localName === list.localName && next.getAttribute('data-type') === list.getAttribute('data-type')) {
      const between = list.nextSibling;
      if (between && between !== next) between.parentNode?.removeChild(between);
      while (next.firstChild) list.appendChild(next.firstChild);
      const after = nextElementSkippingBlank(next);
      next.remove();
      next = after;
    }
  }
}

function nextElementSkippingBlank(el: Element): Element | null {
  let node = el.nextSibling;
  while (node && node.nodeType === 3 && (node.textContent ?? '').trim() === '') node = node.nextSibling;
  return node && node.nodeType === 1 ? (node as Element) : null;
}

/** Items flat in one list but marked with levels (`aria-level`, `data-aria-level`) are nested. */
function nestListsByLevel(root: HTMLElement, doc: Document): void {
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((c) => c.localName === 'li');
    const levelOf = (li: Element) => Number(li.getAttribute('data-aria-level') ?? li.getAttribute('aria-level') ?? '1') || 1;
    // Levels count from the list's own first level: a list already nested starts deeper.
    const base = Math.min(...items.map(levelOf));
    if (!items.some((li) => levelOf(li) > base)) continue;
    const stack: { list: Element; level: number }[] = [{ list, level: base }];
    for (const li of items) {
      const level = Math.max(base, levelOf(li));
      while (stack.length > 1 && stack[stack.length - 1]!.level > level) stack.pop();
      let top = stack[stack.length - 1]!;
      if (level > top.level) {
        const holder = top.list.lastElementChild ?? top.list;
        const nested = doc.createElement(list.localName);
        holder.appendChild(nested);
        top = { list: nested, level };
        stack.push(top);
      }
      top.list.appendChild(li);
    }
  }
}

function cleanAttributes(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const keep = KEPT_ATTRIBUTES[el.localName] ?? [];
    for (const attribute of Array.from(el.attributes)) {
      const name = attribute.name;
      if (keep.includes(name) || KEPT_DATA_ATTRIBUTES.has(name)) continue;
      if (name === 'class') {
        const kept = Array.from(el.classList).filter((c) => KEPT_CLASS.test(c));
        if (kept.length > 0) el.setAttribute('class', kept.join(' '));
        else el.removeAttribute('class');
        continue;
      }
      // An image inside a site image wrapper keeps its width style.
      if (name === 'style' && el.localName === 'img' && el.parentElement?.classList.contains('isomer-image-wrapper')) continue;
      el.removeAttribute(name);
    }
  }
}

function unwrapInline(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (UNWRAPPED_INLINE.has(el.localName) || (el.localName.includes(':') && !el.localName.startsWith('o:'))) unwrap(el);
  }
}

/** Word fills blank lines with `&nbsp;`; pasted, they are only gaps. Top-level `<br>` between blocks too. */
function dropEmptyBlocks(root: HTMLElement): void {
  for (const p of Array.from(root.querySelectorAll('p, h1, h2, h3, h4, h5, h6'))) {
    if (p.closest('td, th, li') && p.parentElement?.children.length === 1) continue;
    if (p.querySelector('img, iframe, br') === null && (p.textContent ?? '').replace(/[\s\u00a0]/g, '') === '') p.remove();
  }
  for (const br of Array.from(root.children)) {
    if (br.localName === 'br') br.remove();
  }
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function rename(el: Element, tag: string, doc: Document): Element {
  const replacement = doc.createElement(tag);
  for (const attribute of Array.from(el.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  while (el.firstChild) replacement.appendChild(el.firstChild);
  el.replaceWith(replacement);
  return replacement;
}
