import { JSDOM } from 'jsdom';
import { setDomWindow, type DomWindow } from '../dom.ts';

let installed: DomWindow | null = null;

/** Gives the core a jsdom window in Node: the only DOM under which DOMPurify is trustworthy there. */
export function useJsdom(): DomWindow {
  if (!installed) {
    installed = new JSDOM('<!doctype html><html><body></body></html>').window as unknown as DomWindow;
  }
  setDomWindow(installed);
  return installed;
}
