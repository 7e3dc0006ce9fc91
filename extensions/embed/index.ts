import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { EMBED_IFRAME_HOSTS, INSTAGRAM_SCRIPT_SOURCES } from './embedUrl.ts';
import { PublishedEmbed } from './publishedEmbed.ts';
import { embedExtensions } from './schema.ts';

export { embedFromUrl, isAllowedEmbedSource, type EmbedFromUrlResult, type IframeAttributes } from './embedUrl.ts';
export { PUBLISHED_EMBED_TYPE } from './publishedEmbed.ts';

const css = `
.iframe-wrapper { position: relative; max-width: 100%; margin: 0 0 1.5rem; }
.iframe-wrapper > iframe { display: block; max-width: 100%; border: 0; }
.iframe-wrapper > iframe[src*="youtube"], .iframe-wrapper > iframe[src*="vimeo"] { width: 100%; height: auto; aspect-ratio: 16 / 9; }
.instagram-media { max-width: 540px; margin: 0 0 1.5rem; }
.published-embed { margin: 0 0 1.5rem; padding: 0.75rem 1rem; border: 1px solid #98a2b3; background: #f2f4f7; color: #344054; }
.published-embed__note { margin: 0 0 0.5rem; font-weight: 600; }
.published-embed__code { margin: 0; white-space: pre-wrap; word-break: break-all; font-size: 0.8125rem; }
`;

export const embedBlock: BlockDefinition = {
  name: 'embed',
  order: 70,
  extensions: [...embedExtensions, PublishedEmbed],
  sanitizer: {
    // Every iframe is an embed's (one from a host off the list is removed, or kept locked as published).
    elements: [
      {
        tag: 'iframe',
        attributes: {
          src: true, width: true, height: true, style: true, allow: true, allowfullscreen: true, frameborder: true, referrerpolicy: true,
          loading: true, scrolling: true, marginwidth: true, marginheight: true, webkitallowfullscreen: true, mozallowfullscreen: true,
        },
        unknownAttributes: 'keep',
      },
    ],
    iframeHosts: EMBED_IFRAME_HOSTS,
    scriptSources: INSTAGRAM_SCRIPT_SOURCES,
  },
  insertEntries: [
    {
      id: 'embed',
      label: 'Embed',
      icon: '▶',
      keywords: ['embed', 'video', 'youtube', 'vimeo', 'map', 'google maps', 'form', 'formsg', 'iframe'],
      // An empty embed, selected: its settings ask for the address (setEmbedUrl).
      insert: (e) => e.chain().focus().insertEmbed().run(),
    },
  ],
  loadSettingsPanel: () => import('./ui.tsx'),
  settingsFor: ['embed'],
  css,
  fixtures: [
    {
      name: 'YouTube video',
      html: '<div class="iframe-wrapper">\n<iframe height="315" width="560" allowfullscreen="true" frameborder="0" src="https://www.youtube.com/embed/aBcD3fGh1jK"></iframe>\n</div>',
    },
    {
      name: 'YouTube video with every attribute the CMS drops',
      html:
        '<div class="iframe-wrapper">\n<iframe src="https://www.youtube-nocookie.com/embed/aBcD3fGh1jK?start=42" width="560" height="315" frameborder="0" allowfullscreen="" ' +
        'title="Planting day at the harbour" allow="autoplay; encrypted-media; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin" loading="lazy"></iframe>\n</div>',
    },
    {
      name: 'video in older embed code',
      html:
        '<div class="iframe-wrapper">\n<iframe src="https://www.youtube.com/embed/aBcD3fGh1jK" width="560" height="315" frameborder="0" scrolling="no" marginwidth="0" marginheight="0" ' +
        'webkitallowfullscreen="" mozallowfullscreen="" allowfullscreen=""></iframe>\n</div>',
    },
    {
      name: 'Vimeo video',
      html: '<div class="iframe-wrapper">\n<iframe src="https://player.vimeo.com/video/123456789" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen="true"></iframe>\n</div>',
    },
    {
      name: 'Google Maps',
      html:
        '<div class="iframe-wrapper">\n<iframe style="width: 100%; height: 400px" referrerpolicy="no-referrer-when-downgrade" height="400" width="600" allowfullscreen="true" frameborder="0" ' +
        'src="https://www.google.com/maps/embed?pb=!1m14!1m8!1m3!1d1000!2d103.8!3d1.27!3m2!1i1024!2i768!4f13.1"></iframe>\n</div>',
    },
    {
      name: 'FormSG form',
      html: '<div class="iframe-wrapper">\n<iframe style="width: 100%; height: 500px" src="https://form.gov.sg/0123456789abcdef01234567" id="iframe"></iframe>\n</div>',
    },
    {
      name: 'embed without an address yet',
      html: '<div class="iframe-wrapper"></div>',
    },
    {
      name: 'Instagram post',
      html:
        '<blockquote class="instagram-media" data-instgrm-captioned="" data-instgrm-permalink="https://www.instagram.com/p/Hx0aMpLe123/" data-instgrm-version="14" style="background:#FFF; border:0; margin: 1px; max-width:540px; width:99.375%;">\n' +
        '<div style="padding:16px;">\n<a href="https://www.instagram.com/p/Hx0aMpLe123/" style="background:#FFFFFF; text-decoration:none;" target="_blank">View this post on Instagram</a>\n' +
        '<p style="margin:8px 0 0 0; text-align:center;"><a href="https://www.instagram.com/p/Hx0aMpLe123/" style="color:#c9c8cd;" target="_blank">A post shared by Harbourview Parks (@harbourviewparks)</a></p>\n</div>\n</blockquote>',
    },
  ],
};
