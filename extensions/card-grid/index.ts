import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { cardGridExtensions } from './schema.ts';

export { cardGridIssues, MAX_CARDS, MAX_DESCRIPTION_LENGTH } from './schema.ts';

// The site's look (isomer-markup.md §6): three cards to a row, two share the row in halves, one takes it
// all; two to a row below 1280px, one below 769px.
const css = `
.isomer-card-grid { display: flex; flex-flow: row wrap; gap: 1.5rem; margin: 0 0 1.5rem; }
.isomer-card-grid > .isomer-card { flex: 0 0 calc((100% - 3rem) / 3); max-width: calc((100% - 3rem) / 3); box-sizing: border-box; display: flex; flex-direction: column; border: 1px solid #d6d6d6; text-decoration: none; color: inherit; overflow: hidden; }
.isomer-card-grid > .isomer-card:first-child:nth-last-child(2),
.isomer-card-grid > .isomer-card:last-child:nth-child(2) { flex-basis: calc((100% - 1.5rem) / 2); max-width: calc((100% - 1.5rem) / 2); }
.isomer-card-grid > .isomer-card:only-child { flex-basis: 100%; max-width: 100%; }
@media (max-width: 1279.98px) {
  .isomer-card-grid > .isomer-card { flex-basis: calc((100% - 1.5rem) / 2); max-width: calc((100% - 1.5rem) / 2); }
  .isomer-card-grid > .isomer-card:only-child { flex-basis: 100%; max-width: 100%; }
}
@media (max-width: 768.98px) {
  .isomer-card-grid > .isomer-card, .isomer-card-grid > .isomer-card:only-child { flex-basis: 100%; max-width: 100%; }
}
.isomer-card-image { width: 100%; }
.isomer-card-image .isomer-image-wrapper { margin: 0; line-height: 0; }
.isomer-card-image img { display: block; width: 100%; height: 12.5rem; object-fit: cover; }
.isomer-card-body { padding: 1.5rem; display: flex; flex-direction: column; }
.isomer-card-title { font-weight: 700; font-size: 1.25rem; line-height: 1.75rem; color: var(--isomer-secondary-color, #344054); }
.isomer-card-description { font-size: 1rem; line-height: 1.5rem; color: #484848; }
.isomer-card-title + .isomer-card-description { margin-top: 0.75rem; }
.isomer-card-link { font-size: 1rem; line-height: 1.5rem; margin-top: 1.5rem; text-decoration: underline; color: var(--isomer-link-color, #4372d6); }
.isomer-card-body > .isomer-card-link:first-child { margin-top: 0; }
a.isomer-card:hover .isomer-card-link { color: var(--isomer-link-hover-color, #3a79ff); }
`;

export const cardGridBlock: BlockDefinition = {
  name: 'card-grid',
  order: 40,
  extensions: cardGridExtensions,
  insertEntries: [
    {
      id: 'card-grid',
      label: 'Cards',
      icon: '▦',
      keywords: ['cards', 'card grid', 'grid', 'tiles', 'columns'],
      insert: (e) => e.chain().focus().insertCardGrid(3).run(),
    },
  ],
  loadSettingsPanel: () => import('./ui.tsx'),
  settingsFor: ['cardGrid'],
  css,
  fixtures: [
    {
      name: 'mixed cards, with and without images',
      html: [
        '<div class="isomer-card-grid">',
        '<a class="isomer-card" href="/volunteer/" rel="noopener noreferrer nofollow">',
        '<div class="isomer-card-image">',
        '<div class="isomer-image-wrapper">',
        '<img style="width: 100%" height="auto" width="100%" alt="Gloves and a spade on the grass" src="/images/cards/planting.jpg">',
        '</div>',
        '</div>',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-title">Plant a tree</div>',
        '<div class="isomer-card-description">Spend a morning with our rangers and leave a sapling behind.</div>',
        '<div class="isomer-card-link">Find a planting day</div>',
        '</div>',
        '</a>',
        '<div class="isomer-card">',
        '<div class="isomer-card-image">',
        '<div class="isomer-image-wrapper">',
        '<img style="width: 100%" height="auto" width="100%" alt="" src="/images/cards/pattern leaves.png">',
        '</div>',
        '</div>',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-title">Quiet hours</div>',
        '<div class="isomer-card-description">The east garden is kept free of music before nine in the morning.</div>',
        '</div>',
        '</div>',
        '<a class="isomer-card" href="https://www.example.org/boats" rel="noopener noreferrer nofollow">',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-title">Boat hire &amp; rentals</div>',
        '<div class="isomer-card-link">Book with our partner</div>',
        '</div>',
        '</a>',
        '<div class="isomer-card">',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-description">Picnic tables can be <strong>reserved</strong> for groups of ten or more.</div>',
        '</div>',
        '</div>',
        '</div>',
      ].join('\n'),
    },
    {
      name: 'clickable cards only',
      html: [
        '<div class="isomer-card-grid">',
        '<a class="isomer-card" href="/permits/" rel="noopener noreferrer nofollow">',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-title">Permits</div>',
        '<div class="isomer-card-description">What you need before holding an event in a park.</div>',
        '<div class="isomer-card-link">Read more</div>',
        '</div>',
        '</a>',
        '<a class="isomer-card" href="/park-rules/" rel="noopener noreferrer nofollow">',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-title">Park rules</div>',
        '<div class="isomer-card-link">Read more</div>',
        '</div>',
        '</a>',
        '</div>',
      ].join('\n'),
    },
    {
      name: 'single card with extra class, id and image width',
      html: [
        '<div class="isomer-card-grid highlights" id="featured">',
        '<div class="isomer-card">',
        '<div class="isomer-card-image">',
        '<div class="isomer-image-wrapper">',
        '<img style="width: 60%" height="auto" width="100%" alt="A heron standing in shallow water" src="/images/birds/heron%20grey.jpg" title="Grey heron">',
        '</div>',
        '</div>',
        '<div class="isomer-card-body">',
        '<div class="isomer-card-title">Bird walk</div>',
        '</div>',
        '</div>',
        '</div>',
      ].join('\n'),
    },
  ],
};
