import { JSDOM } from 'jsdom';
import { parseFragment } from 'parse5';
import { setLightBlockReader } from '../bodyCodec.ts';
import { setDomWindow, type DomWindow } from '../dom.ts';
import { setFullParser, type LocatedNode } from '../topLevelSegments.ts';
import { createLightBlockReader } from './lightReading.ts';

let installed: DomWindow | null = null;

// Node code reaches the core through here: it gets the full HTML parser for splitting bodies at once,
// which the browser loads only when a page needs it.
setFullParser((body) => (parseFragment(body, { sourceCodeLocationInfo: true }) as unknown as { childNodes: LocatedNode[] }).childNodes);
// and blocks of plain markup are read without jsdom, whose elements cost much more to build.
setLightBlockReader(createLightBlockReader());

/** Gives the core a jsdom window in Node: the only DOM under which DOMPurify is trustworthy there. */
export function useJsdom(): DomWindow {
  if (!installed) {
    installed = new JSDOM('<!doctype html><html><body></body></html>').window as unknown as DomWindow;
  }
  setDomWindow(installed);
  return installed;
}
