import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { Details, DetailsAnswer } from './details.ts';
import { accordionExtensions } from './schema.ts';

const css = `
.isomer-accordion { margin: 0 0 1.5rem; }
.isomer-accordion .isomer-details { border-top: 1px solid #d4d4d4; border-bottom: 1px solid #d4d4d4; }
.isomer-accordion .isomer-details + .isomer-details { border-top: 0; }
.isomer-accordion .isomer-details > summary {
  position: relative; display: block; list-style: none; cursor: pointer;
  padding: 1rem 3rem 1rem 1rem; font-size: 20px; line-height: 1.5; color: #344054; font-weight: 700;
}
.isomer-accordion .isomer-details > summary::-webkit-details-marker { display: none; }
.isomer-accordion .isomer-details > summary::after {
  content: ''; position: absolute; right: 1.25rem; top: 50%; width: 0.55rem; height: 0.55rem;
  border-right: 2px solid currentColor; border-bottom: 2px solid currentColor;
  transform: translateY(-75%) rotate(45deg); transition: transform 0.2s ease;
}
.isomer-accordion .isomer-details[open] > summary::after { transform: translateY(-25%) rotate(-135deg); }
.isomer-accordion .isomer-details-content { margin: 0 1rem 1rem; }
.isomer-accordion .isomer-details-content > :first-child { margin-top: 0; }
.isomer-accordion .isomer-details-content > :last-child { margin-bottom: 0; }
.isomer-accordion-gray { background: #f3f3f3; }
.details-view > summary { display: block; font-weight: 700; margin: 0.5rem 0; }
`;

export const accordionBlock: BlockDefinition = {
  name: 'accordion',
  order: 60,
  plainMarkup: {
    div: { 'data-type': ['detailGroup', 'detailsContent'] },
    details: { open: true },
    summary: {},
  },
  extensions: [...accordionExtensions, Details, DetailsAnswer],
  insertEntries: [
    {
      id: 'accordion',
      label: 'Accordion',
      icon: '▸',
      keywords: ['accordion', 'faq', 'question', 'answer', 'details', 'collapsible', 'expand', 'toggle'],
      insert: (e) => e.chain().focus().insertAccordion(2).run(),
    },
  ],
  loadSettingsPanel: () => import('./ui.tsx'),
  settingsFor: ['accordion'],
  css,
  fixtures: [
    {
      name: 'white accordion with two items',
      html:
        '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n' +
        '<details class="isomer-details">\n<summary>When does the park open?</summary>\n' +
        '<div data-type="detailsContent" class="isomer-details-content">\n<p>Every day from <strong>6 am</strong> to 11 pm.</p>\n</div>\n</details>\n' +
        '<details class="isomer-details">\n<summary>Where can I park my bicycle?</summary>\n' +
        '<div data-type="detailsContent" class="isomer-details-content">\n<p>Racks stand at both entrances:</p>\n' +
        '<ul data-tight="true" class="tight">\n<li>\n<p>North gate</p>\n</li>\n<li>\n<p>Ferry terminal</p>\n</li>\n</ul>\n<p></p>\n</div>\n</details>\n</div>',
    },
    {
      name: 'gray accordion',
      html:
        '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-gray">\n' +
        '<details class="isomer-details">\n<summary>Can I fly a kite?</summary>\n' +
        '<div data-type="detailsContent" class="isomer-details-content">\n<p>Yes, on the <a href="/about/our-parks/harbour-lawn/">Harbour Lawn</a>, away from the trees.</p>\n</div>\n</details>\n</div>',
    },
    {
      name: 'accordion group class kept in place',
      html:
        '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white isomer-accordion-group">\n' +
        '<details class="isomer-details">\n<summary>1998: The first pier</summary>\n' +
        '<div data-type="detailsContent" class="isomer-details-content">\n<h3>A wooden start</h3>\n<p>Built by volunteers over one long summer.</p>\n</div>\n</details>\n</div>',
    },
    {
      name: 'item written open',
      html:
        '<div data-type="detailGroup" class="isomer-accordion isomer-accordion-white">\n' +
        '<details class="isomer-details" open="">\n<summary>Is the boardwalk step-free?</summary>\n' +
        '<div data-type="detailsContent" class="isomer-details-content">\n<blockquote>\n<p>Yes, along its whole length.</p>\n</blockquote>\n</div>\n</details>\n</div>',
    },
  ],
};
