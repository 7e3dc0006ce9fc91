import { useCallback, type SyntheticEvent } from 'react';
import { showSiteImages } from '../../storage/siteImages.ts';
import { useStorageStore } from '../../storage/siteStorage.ts';

/**
 * An `onLoad` handler for preview frames: they run no scripts, and their links and forms do not
 * navigate (the frames are same-origin, so the editor can stop them). Without the server, the site's
 * images are shown from the opened folder, as in the canvas. Escape pressed inside a frame (which
 * the dialog around it never hears) calls `onEscape`.
 */
export function useInertFrameLinks(onEscape?: () => void): (event: SyntheticEvent<HTMLIFrameElement>) => void {
  return useCallback((event: SyntheticEvent<HTMLIFrameElement>) => {
    const doc = event.currentTarget.contentDocument;
    doc?.addEventListener('keydown', (key) => {
      if (key.key === 'Escape' && onEscape) {
        key.preventDefault();
        onEscape();
      }
    });
    doc?.addEventListener('click', (click) => {
      if ((click.target as Element | null)?.closest?.('a, form')) click.preventDefault();
    });
    doc?.addEventListener('submit', (submit) => submit.preventDefault());
    const imageUrl = useStorageStore.getState().storage?.imageUrl;
    if (doc && imageUrl) showSiteImages(doc, imageUrl);
  }, [onEscape]);
}
