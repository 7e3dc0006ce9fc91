import { useCallback, type SyntheticEvent } from 'react';

/**
 * An `onLoad` handler for preview frames: they run no scripts, and their links and forms do not
 * navigate (the frames are same-origin, so the editor can stop them).
 */
export function useInertFrameLinks(): (event: SyntheticEvent<HTMLIFrameElement>) => void {
  return useCallback((event: SyntheticEvent<HTMLIFrameElement>) => {
    const doc = event.currentTarget.contentDocument;
    doc?.addEventListener('click', (click) => {
      if ((click.target as Element | null)?.closest?.('a, form')) click.preventDefault();
    });
    doc?.addEventListener('submit', (submit) => submit.preventDefault());
  }, []);
}
