import { describe, expect, it } from 'vitest';
import { heroLayout, homepageBands } from './homepageBands.ts';

const types = (...names: string[]) => names.map((type) => ({ type }));

describe('homepageBands', () => {
  it('alternates white and grey after the hero, starting with white', () => {
    expect(homepageBands(types('hero', 'infobar', 'resources', 'textcards', 'infocols')).map((b) => b.shade)).toEqual(['hero', 'white', 'grey', 'white', 'grey']);
  });

  it('alternates infopic sides across the page, not reset by the sections between them', () => {
    const bands = homepageBands(types('hero', 'infopic', 'infobar', 'infopic', 'infopic', 'unknown-kind'));
    expect(bands.map((b) => b.imageFirst)).toEqual([false, false, false, true, false, false]);
    // Unknown sections still take a band, as the theme counts every section after the hero.
    expect(bands.map((b) => b.shade)).toEqual(['hero', 'white', 'grey', 'white', 'grey', 'white']);
  });
});

describe('heroLayout', () => {
  it('reads the layout of a boxed hero', () => {
    expect(heroLayout({ variant: 'side', size: 'sm', alignment: 'right', backgroundColor: 'black' })).toEqual({ variant: 'side', boxed: true, size: 'sm', alignment: 'right', colour: 'black' });
  });

  it('falls back to the theme defaults for missing or unknown values', () => {
    expect(heroLayout({ variant: 'wide', size: 3, backgroundColor: 'red' })).toEqual({ variant: 'center', boxed: false, size: 'md', alignment: 'left', colour: 'white' });
  });
});
