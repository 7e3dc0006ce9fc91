import canvasCss from './canvas.css?inline';
import { registryCss } from './blockStyles.ts';
import { bodyCodec } from './bodyCodecInstance.ts';
import { showSiteImages } from '../storage/siteImages.ts';
import { useStorageStore } from '../storage/siteStorage.ts';

/**
 * The markup of a raw HTML block shown as the site shows it: sanitised (no script, no handlers, only
 * allowed embeds), in an inert shadow root (nothing in it can be clicked, focused or submitted, and its
 * own `<style>` reaches nothing outside it) styled with the canvas and block CSS. A shadow root costs
 * far less than a frame per block, and each block is rendered only once it comes near the screen.
 */

let sharedSheet: CSSStyleSheet | null = null;

/** The canvas and block CSS, parsed once and shared by every rendered block. */
function contentSheet(): CSSStyleSheet {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    // The canvas's own room for editing (its padding, its least height of most of a screen) is not the
    // markup's: a block of one line is drawn one line high.
    sharedSheet.replaceSync(`${canvasCss}\n${registryCss()}\n:host { display: block; }\n.isomer-canvas .isomer-content { min-height: 0; padding: 0; }`);
  }
  return sharedSheet;
}

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

/** Calls `render` once `host` is within a screen of the visible area. */
function whenNearScreen(host: Element, render: () => void): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const pending = waiting.get(entry.target);
        waiting.delete(entry.target);
        observer?.unobserve(entry.target);
        pending?.();
      }
    },
    { rootMargin: '100% 0px' },
  );
  waiting.set(host, render);
  observer.observe(host);
}

function stopWaiting(host: Element): void {
  if (waiting.delete(host)) observer?.unobserve(host);
}

/** Markup worth showing rendered: it starts with an element that displays something (not Liquid, a comment or styles only). */
export function showsRendered(html: string): boolean {
  return /^\s*<(?!!|\/|style\b|script\b)[a-z]/i.test(html);
}

export interface RenderedHtml {
  /** The element to put in the card. */
  host: HTMLElement;
  /** Shows new markup (rendered now when the first was already on screen). */
  update(html: string): void;
  destroy(): void;
}

/** A lazily rendered, inert view of `html`. */
export function renderedHtml(html: string): RenderedHtml {
  const host = document.createElement('div');
  host.className = 'raw-html-card__rendered';
  host.inert = true;
  host.setAttribute('data-testid', 'raw-html-rendered');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [contentSheet()];
  let current = html;
  let rendered = false;
  let stopImages: (() => void) | null = null;

  const render = () => {
    rendered = true;
    const content = document.createElement('div');
    content.className = 'isomer-canvas';
    // The sanitiser's own markup, as the page is saved and previewed; parsed inert by the template.
    const template = document.createElement('template');
    template.innerHTML = bodyCodec().sanitizer.sanitize(current).html;
    const inner = document.createElement('div');
    inner.className = 'isomer-content';
    inner.append(template.content);
    content.append(inner);
    root.replaceChildren(content);
    const imageUrl = useStorageStore.getState().storage?.imageUrl;
    if (imageUrl && !stopImages) stopImages = showSiteImages(root, imageUrl);
    host.setAttribute('data-rendered', '');
  };

  whenNearScreen(host, render);
  return {
    host,
    update(html) {
      current = html;
      if (rendered) render();
    },
    destroy() {
      stopWaiting(host);
      stopImages?.();
    },
  };
}
