import { setIn, type YamlPath } from './homepage.ts';

/**
 * The hero shows either a button (with its link) or a dropdown of links ("I want to…"), never both:
 * the theme draws the dropdown in the button's place. Switching removes what the other mode had and
 * says what was removed, so the editor can undo it. Key highlights stay: the theme shows them under
 * either (the official CMS blanks them, losing them for nothing).
 */
export type HeroMode = 'button' | 'dropdown';

export const DEFAULT_DROPDOWN_TITLE = 'I want to…';

export function heroMode(hero: Record<string, unknown>): HeroMode {
  return 'dropdown' in hero ? 'dropdown' : 'button';
}

export interface HeroModeChange {
  /** The new front matter text; null when it cannot be edited in place. */
  text: string | null;
  /** What was removed, in words (empty when nothing was). */
  removed: string[];
}

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** Switches the hero at `heroPath` (`['sections', i, 'hero']`) to `mode`, given its current fields. */
export function setHeroMode(text: string, heroPath: YamlPath, hero: Record<string, unknown>, mode: HeroMode): HeroModeChange {
  if (heroMode(hero) === mode) return { text, removed: [] };
  const removed: string[] = [];
  let next: string | null = text;
  const drop = (key: string) => {
    if (next !== null && key in hero) next = setIn(next, [...heroPath, key], undefined);
  };
  // What is added goes in first: a hero left with no keys for a moment could not take a new one.
  if (mode === 'dropdown') {
    if (filled(hero['button'])) removed.push(`the button "${String(hero['button'])}"${filled(hero['url']) ? ` (${String(hero['url'])})` : ''}`);
    else if (filled(hero['url'])) removed.push(`the button link ${String(hero['url'])}`);
    next = setIn(next, [...heroPath, 'dropdown'], { title: DEFAULT_DROPDOWN_TITLE, options: [{ title: 'Option', url: '/' }] });
    drop('button');
    drop('url');
  } else {
    const dropdown = hero['dropdown'] && typeof hero['dropdown'] === 'object' ? (hero['dropdown'] as Record<string, unknown>) : {};
    const options = Array.isArray(dropdown['options']) ? dropdown['options'].length : 0;
    removed.push(`the dropdown${filled(dropdown['title']) ? ` "${String(dropdown['title'])}"` : ''} with ${options} option${options === 1 ? '' : 's'}`);
    if (!('button' in hero)) next = setIn(next, [...heroPath, 'button'], 'Learn more');
    if (next !== null && !('url' in hero)) next = setIn(next, [...heroPath, 'url'], '/');
    drop('dropdown');
  }
  return { text: next, removed };
}
