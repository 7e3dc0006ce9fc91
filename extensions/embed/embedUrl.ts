import { siteEmbedHosts } from '../../src/core/siteEmbedHosts.ts';

/** The attributes of an embed's `<iframe>`, in the order they are written. */
export type IframeAttributes = Record<string, string>;

/** `site`: a host the site adds to the allowlist (`_data/isomer-editor.yml`). */
export type EmbedProvider = 'youtube' | 'vimeo' | 'googleMaps' | 'formsg' | 'site';

export type EmbedFromUrlResult = { provider: EmbedProvider; iframe: IframeAttributes } | { error: string };

/** Hosts an embed's iframe may load from. Google's own host only for paths under /maps/embed. */
export const EMBED_IFRAME_HOSTS = [
  'www.youtube.com',
  'youtube.com',
  'www.youtube-nocookie.com',
  'player.vimeo.com',
  'www.google.com',
  'maps.google.com',
  'form.gov.sg',
  'www.form.gov.sg',
];

/** Instagram's embed loader, as Instagram's embed code writes it. */
export const INSTAGRAM_SCRIPT_SOURCES = ['//www.instagram.com/embed.js', 'https://www.instagram.com/embed.js'];

const ALLOWED_SUMMARY = 'You can embed YouTube, Vimeo, Google Maps and FormSG.';

function allowedSummary(): string {
  const extra = siteEmbedHosts();
  return extra.length === 0 ? ALLOWED_SUMMARY : `You can embed YouTube, Vimeo, Google Maps, FormSG and, by this site's settings, ${extra.join(', ')}.`;
}

/** Whether an iframe address is one the embed block accepts: an allowed host, and Google only for maps. */
export function isAllowedEmbedSource(src: string): boolean {
  const url = parseUrl(src);
  if (!url || url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (siteEmbedHosts().includes(host)) return true;
  if (!EMBED_IFRAME_HOSTS.includes(host)) return false;
  if (host === 'www.google.com') return url.pathname.startsWith('/maps/embed');
  return true;
}

/** Which provider an iframe address belongs to, if any. */
export function providerOf(src: string): EmbedProvider | null {
  const result = isAllowedEmbedSource(src) ? embedFromUrl(src) : null;
  return result && 'provider' in result ? result.provider : null;
}

/**
 * Turns what an editor pastes (a video, map or form address, or a whole `<iframe>` snippet) into the
 * attributes of an embed's iframe, or says why it cannot be embedded.
 */
export function embedFromUrl(input: string): EmbedFromUrlResult {
  const text = input.trim();
  const snippetSrc = /^<iframe\b[^>]*\ssrc\s*=\s*(["'])(.*?)\1/is.exec(text)?.[2];
  const raw = decodeEntities(snippetSrc ?? text);
  if (raw === '') return { error: `Paste the address of a video, map or form. ${allowedSummary()}` };
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : raw.startsWith('//') ? `https:${raw}` : `https://${raw}`);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
    return { error: `This is not a web address. ${allowedSummary()}` };
  }
  url.protocol = 'https:';
  const host = url.hostname.toLowerCase();
  const bare = host.replace(/^(www|m)\./, '');

  if (bare === 'youtube.com' || bare === 'youtu.be' || bare === 'youtube-nocookie.com' || host === 'music.youtube.com') {
    return youtube(url, bare);
  }
  if (bare === 'vimeo.com' || host === 'player.vimeo.com') return vimeo(url);
  if (bare === 'google.com' || host === 'maps.google.com' || host === 'maps.app.goo.gl' || (bare === 'goo.gl' && url.pathname.startsWith('/maps'))) {
    return googleMaps(url, host);
  }
  if (bare === 'form.gov.sg') return formsg(url);
  if (bare === 'instagram.com') {
    return { error: 'To embed an Instagram post, copy its embed code from Instagram and add it as HTML.' };
  }
  if (siteEmbedHosts().includes(host)) return siteHost(url);
  return { error: `Embeds from ${host} are not allowed. ${allowedSummary()}` };
}

/** An address on a host the site allows: embedded as given, over https. */
function siteHost(url: URL): EmbedFromUrlResult {
  return { provider: 'site', iframe: { src: url.href, width: '640', height: '480', frameborder: '0' } };
}

function youtube(url: URL, bare: string): EmbedFromUrlResult {
  const path = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let host = 'www.youtube.com';
  if (bare === 'youtu.be') id = path[0];
  else if (bare === 'youtube-nocookie.com') {
    host = 'www.youtube-nocookie.com';
    if (path[0] === 'embed') id = path[1];
  } else if (path[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (['embed', 'shorts', 'live', 'v'].includes(path[0] ?? '')) id = path[1];
  if (!id || !/^[\w-]{6,}$/.test(id)) {
    return { error: 'This YouTube address does not point to a video. Copy the address of the video page or its Share link.' };
  }
  const params = new URLSearchParams();
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  if (start) params.set('start', String(start));
  const list = url.searchParams.get('list');
  if (list && /^[\w-]+$/.test(list)) params.set('list', list);
  const query = params.toString();
  return {
    provider: 'youtube',
    iframe: {
      src: `https://${host}/embed/${id}${query ? `?${query}` : ''}`,
      width: '560',
      height: '315',
      frameborder: '0',
      allowfullscreen: 'true',
      referrerpolicy: 'strict-origin-when-cross-origin',
      allow: 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share',
      title: 'YouTube video player',
    },
  };
}

/** `90`, `90s`, `1m30s`, `1h2m3s` → seconds. */
function startSeconds(value: string | null): number {
  if (!value) return 0;
  if (/^\d+s?$/.test(value)) return parseInt(value, 10);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!match) return 0;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function vimeo(url: URL): EmbedFromUrlResult {
  const path = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let hash = url.searchParams.get('h') ?? undefined;
  if (url.hostname.toLowerCase() === 'player.vimeo.com') {
    if (path[0] === 'video') id = path[1];
  } else {
    const at = path.findIndex((part) => /^\d+$/.test(part));
    if (at !== -1) {
      id = path[at];
      const next = path[at + 1];
      if (!hash && next && /^[0-9a-f]+$/i.test(next)) hash = next;
    }
  }
  if (!id || !/^\d+$/.test(id)) return { error: 'This Vimeo address does not point to a video. Copy the address of the video page.' };
  return {
    provider: 'vimeo',
    iframe: {
      src: `https://player.vimeo.com/video/${id}${hash && /^[0-9a-f]+$/i.test(hash) ? `?h=${hash}` : ''}`,
      width: '640',
      height: '360',
      frameborder: '0',
      allowfullscreen: 'true',
      allow: 'autoplay; fullscreen; picture-in-picture',
      title: 'Vimeo video player',
    },
  };
}

function googleMaps(url: URL, host: string): EmbedFromUrlResult {
  const isEmbed =
    (host === 'www.google.com' && url.pathname.startsWith('/maps/embed')) ||
    (host === 'maps.google.com' && (url.pathname.startsWith('/maps/embed') || url.searchParams.get('output') === 'embed'));
  if (!isEmbed) {
    return {
      error: 'This Google Maps address cannot be embedded. In Google Maps choose Share, then "Embed a map", and paste the code or its address.',
    };
  }
  return {
    provider: 'googleMaps',
    iframe: {
      src: url.href,
      width: '600',
      height: '450',
      frameborder: '0',
      allowfullscreen: 'true',
      referrerpolicy: 'no-referrer-when-downgrade',
      loading: 'lazy',
      title: 'Google Maps',
    },
  };
}

function formsg(url: URL): EmbedFromUrlResult {
  const path = url.pathname.split('/').filter(Boolean);
  const id = path[0] === 'forms' ? path[1] : path[0];
  if (!id || !/^[0-9a-f]{24}$/i.test(id)) {
    return { error: 'This FormSG address does not point to a form. Copy the address of the form (https://form.gov.sg/…).' };
  }
  return {
    provider: 'formsg',
    iframe: { style: 'width: 100%; height: 500px', src: `https://form.gov.sg/${id}`, id: 'iframe', title: 'Form' },
  };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
}
