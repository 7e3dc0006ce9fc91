/**
 * The open page in the address bar: `?page=<site-relative path>` on the app's own address, which the
 * local server and any static host serve as the app. A reload, a link sent to a colleague and the
 * browser's Back and Forward all come back to the page.
 */
const PARAM = 'page';

/** The page the address names, or null. */
export function pageInAddress(): string | null {
  const path = new URLSearchParams(window.location.search).get(PARAM);
  return path === null || path === '' ? null : path;
}

/** The app's address with `path` as the open page (none for null), keeping everything else. */
export function addressOfPage(path: string | null): string {
  const url = new URL(window.location.href);
  url.searchParams.delete(PARAM);
  const others = url.searchParams.toString();
  // Slashes stay as they are, so the address reads as the page's path: `?page=pages/contact-us.md`.
  const page = path === null ? '' : `${PARAM}=${encodeURIComponent(path).replace(/%2F/g, '/')}`;
  const search = [others, page].filter(Boolean).join('&');
  return `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
}
