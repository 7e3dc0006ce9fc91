import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { IsomerImage } from './schema.ts';

export { imageIssues } from './schema.ts';

const css = `
.isomer-image-wrapper { display: block; margin: 0 0 1.5rem; line-height: 0; }
a.isomer-image-wrapper { text-decoration: none; }
.isomer-image-wrapper img { display: inline-block; max-width: 100%; height: auto; }
a.isomer-image-wrapper img { cursor: pointer; }
`;

export const imageBlock: BlockDefinition = {
  name: 'image',
  order: 30,
  plainMarkup: {
    div: {},
    img: { src: true, alt: true, title: true, width: true, height: true, style: true },
  },
  extensions: [IsomerImage],
  insertEntries: [
    {
      id: 'image',
      label: 'Image',
      icon: '▣',
      keywords: ['image', 'picture', 'photo', 'img', 'figure'],
      insert: (e) => e.chain().focus().setIsomerImage({ src: '', alt: null, width: 100 }).run(),
    },
  ],
  loadSettingsPanel: () => import('./ui.tsx'),
  settingsFor: ['isomerImage'],
  css,
  fixtures: [
    {
      name: 'plain image',
      html: '<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt="A wooden bench under a fig tree" src="/images/parks/bench.png">\n</div>',
    },
    {
      name: 'half width',
      html: '<div class="isomer-image-wrapper">\n<img style="width: 50%" height="auto" width="100%" alt="A kingfisher on a post" src="/images/birds/kingfisher.jpg">\n</div>',
    },
    {
      name: 'decorative image',
      html: '<div class="isomer-image-wrapper">\n<img style="width: 100%" height="auto" width="100%" alt="" src="/images/Divider.png">\n</div>',
    },
    {
      name: 'extra class, id, title and style',
      html: '<div class="isomer-image-wrapper photo-frame" id="lawn-photo">\n<img style="width: 80%; border-radius: 4px" height="auto" width="100%" alt="Families on the lawn" src="/images/park photos/lawn.png" class="rounded" id="lawn" title="The lawn in spring">\n</div>',
    },
    {
      name: 'path with spaces and %20',
      html: '<div class="isomer-image-wrapper">\n<img style="width: 30%" height="auto" width="100%" alt="Our logo" src="/images/Brand Kit/logo%20small v2.png">\n</div>',
    },
    {
      name: 'linked image',
      html: '<a class="isomer-image-wrapper" href="https://www.example.org/trail-map">\n<img style="width: 100%" height="auto" width="100%" alt="Map of the northern loop" src="/images/maps/north-loop.svg">\n</a>',
    },
    {
      name: 'linked image with target and rel',
      html: '<a class="isomer-image-wrapper" href="/events/" target="_blank" rel="noopener noreferrer nofollow">\n<img style="width: 100%" height="auto" width="100%" alt="Lanterns along the pier" src="/images/events/lanterns.jpg">\n</a>',
    },
  ],
};
