import type { SectionView } from './homepage.ts';

/**
 * Where the theme puts each homepage section: the hero on its own image, the others on backgrounds
 * alternating white and grey (starting with white), and infopics alternating text-left and image-left
 * across the whole page (sections between them do not reset the alternation).
 */
export interface SectionBand {
  shade: 'hero' | 'white' | 'grey';
  /** For an infopic: true when its picture comes first (on the left). */
  imageFirst: boolean;
}

export function homepageBands(sections: readonly Pick<SectionView, 'type'>[]): SectionBand[] {
  let band = 0;
  let infopics = 0;
  return sections.map((section) => {
    if (section.type === 'hero') return { shade: 'hero', imageFirst: false };
    const shade = band++ % 2 === 0 ? 'white' : 'grey';
    const imageFirst = section.type === 'infopic' ? infopics++ % 2 === 1 : false;
    return { shade, imageFirst };
  });
}
