import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { BareImage, InlineImage } from './bareImage.ts';
import { InlineMarkup, LayoutContainer, LayoutRaw, LayoutRun, LayoutText } from './schema.ts';

// A quiet outline and the layout’s name on hover or selection; the site’s own classes lay it out. The
// label (of the innermost layout only) sits inside the box: top-level blocks paint only within their own box (content-visibility).
const css = `
.isomer-canvas .layout-container { outline: 1px dashed transparent; outline-offset: 2px; }
.isomer-canvas .layout-container:hover, .isomer-canvas .layout-container.ProseMirror-selectednode { outline-color: #9aa5b1; position: relative; }
.isomer-canvas .layout-container:hover:not(:has(.layout-container:hover))::after, .isomer-canvas .layout-container.ProseMirror-selectednode::after {
  content: "Layout: " attr(data-layout-label); position: absolute; top: 0; left: 0; z-index: 2; pointer-events: none;
  font: 11px/1.4 system-ui, sans-serif; color: #52606d; background: #f5f7fa; padding: 0 4px; border-radius: 3px;
}
.isomer-canvas img.bare-image { max-width: 100%; height: auto; }
`;

export const containerBlock: BlockDefinition = {
  name: 'container',
  order: 90,
  extensions: [LayoutContainer, LayoutText, LayoutRun, LayoutRaw, BareImage, InlineImage, InlineMarkup],
  insertEntries: [
    {
      id: 'layout-container',
      label: 'Layout box',
      icon: '▭',
      keywords: ['layout', 'container', 'div', 'section', 'box', 'wrapper'],
      insert: (e) =>
        e
          .chain()
          .focus()
          .insertContent({ type: 'layoutContainer', attrs: { tag: 'div', attributes: {} }, content: [{ type: 'paragraph' }] })
          .run(),
    },
  ],
  loadSettingsPanel: () => import('./ui.tsx'),
  settingsFor: ['layoutContainer', 'bareImage', 'inlineImage'],
  css,
  fixtures: [
    {
      name: 'a grid of people',
      html: '<div class="people-grid" id="board">\n<div class="person">\n<img src="/images/people/ada.jpg" alt="Ada Tan smiling">\n<h4>Ada Tan</h4>\n<div class="role">Chair</div>\n</div>\n<div class="person">\n<img src="/images/people/ben.jpg" alt="Ben Lim outdoors">\n<h4>Ben Lim</h4>\n<div class="role">Treasurer</div>\n</div>\n</div>',
    },
    {
      name: 'captioned photo',
      html: '<figure class="photo">\n<img src="/images/parks/pond.jpg" alt="A pond at dusk" style="width: 60%">\n<figcaption>The pond at dusk, from the east bank</figcaption>\n</figure>',
    },
    { name: 'centred text with inline markup', html: '<center>Open daily <small class="note">except <font color="#a00">holidays</font></small></center>' },
    {
      name: 'section with a row of linked logos',
      html: '<section id="partners">\n<h2>Partners</h2>\n<div class="row">\n<div class="col-md-6">\n<a href="https://example.org/"><img src="/images/logos/river.png" alt="River Trust"></a>\n</div>\n<div class="col-md-6">\n<p>Our <span class="highlight-blue">newest</span> partner</p>\n</div>\n</div>\n</section>',
    },
    { name: 'text between blocks in a layout', html: '<div class="entry">\n<h3>Notice</h3>\n<div class="meta">Posted <strong>today</strong><p>by the team</p></div>\n</div>' },
    { name: 'mixed content kept raw inside', html: '<div class="entry">\n<h3>Notice</h3>\n<div class="meta">Posted <label>today</label><p>by the team</p></div>\n</div>' },
  ],
};
