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

/** How the theme lays out the hero's text box; values it does not know fall back to its defaults. */
export interface HeroLayout {
  variant: 'center' | 'side' | 'floating' | 'image';
  /** side and floating draw the text in a box of their own size, side and colour. */
  boxed: boolean;
  size: 'md' | 'sm';
  alignment: 'left' | 'right';
  colour: 'white' | 'black' | 'gray';
}

export function heroLayout(hero: Record<string, unknown>): HeroLayout {
  const pick = <T extends string>(key: string, values: readonly T[], fallback: T): T => {
    const value = hero[key];
    return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;
  };
  const variant = pick('variant', ['center', 'side', 'floating', 'image'] as const, 'center');
  return {
    variant,
    boxed: variant === 'side' || variant === 'floating',
    size: pick('size', ['md', 'sm'] as const, 'md'),
    alignment: pick('alignment', ['left', 'right'] as const, 'left'),
    colour: pick('backgroundColor', ['white', 'black', 'gray'] as const, 'white'),
  };
}
