/**
 * Shows the site's images when the editor runs without the site server: an `<img>` whose address is
 * site-relative (`/images/x.png`) is displayed from the opened folder through an object URL.
 *
 * Only the displayed element changes; the page keeps its own address. This is safe inside the
 * editing canvas because every block that holds an image is an atom (ProseMirror ignores changes
 * inside it) and the saved page is written from the document, never from the screen.
 */

/** Watches `root` (and what is added later) and resolves each site image through `resolve`. Returns a stop function. */
export function showSiteImages(root: Node, resolve: (src: string) => Promise<string | null>): () => void {
  /** The object URL each image element shows now (to tell our own change from a new address). */
  const shown = new WeakMap<HTMLImageElement, string>();

  const update = (img: HTMLImageElement) => {
    const src = img.getAttribute('src');
    if (src === null) return;
    if (shown.get(img) === src) return; // our own change
    if (!src.startsWith('/') || src.startsWith('//')) return;
    void resolve(src).then((url) => {
      // Still the same address (the element may have been reused meanwhile)?
      if (!url || img.getAttribute('src') !== src) return;
      shown.set(img, url);
      img.setAttribute('src', url);
    });
  };

  // By node name, not instanceof: a preview frame's elements come from another window's classes.
  const scan = (node: Node) => {
    if (node.nodeName === 'IMG') update(node as HTMLImageElement);
    else if ('querySelectorAll' in node) (node as ParentNode).querySelectorAll('img').forEach(update);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') scan(record.target);
      else record.addedNodes.forEach(scan);
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  scan(root);
  return () => observer.disconnect();
}
