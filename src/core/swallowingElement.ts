import { splitTopLevel } from './topLevelSegments.ts';

/**
 * Elements that, left open, take in everything after them: as text that never shows or is not markup
 * (`<style>`, `<script>`, `<xmp>`, `<textarea>`, `<title>`, `<noscript>`, `<noembed>`, `<iframe>` …),
 * as foreign content (`<math>`, `<svg>`), or as a container the blocks never leave (`<form>`, `<select>`,
 * `<table>`, `<template>`, `<object>`). Mutation-XSS payloads leave them open on purpose.
 */
const SWALLOWING_TAGS = ['math', 'svg', 'form', 'style', 'script', 'select', 'textarea', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'title', 'template', 'plaintext', 'object', 'table'];
// (A comment left open takes in the rest as well.)
const OPENING = new RegExp(`^<(?:(${SWALLOWING_TAGS.join('|')})(?=[\\s/>])|(!--))`, 'i');
const ANYWHERE = new RegExp(`<(?:(?:${SWALLOWING_TAGS.join('|')})(?=[\\s/>])|!--)`, 'i');
// A blank line, and the whitespace up to what follows it.
const BLANK_LINE = /\r?\n[ \t]*\r?\n\s*/;

export interface SwallowingElement {
  /** How it opens, for messages: `<style>`, `<!--`. */
  opening: string;
  /** Offset of its start tag in the body. */
  start: number;
  /** End of what is taken as its own content: the first blank line in it. */
  headEnd: number;
  /** Where what it took in starts (after the blank line). */
  cut: number;
}

/**
 * The first top-level element of `body` that is left open (its markup does not end with its end tag)
 * and runs on past a blank line: what follows that blank line was meant as blocks of their own.
 */
export function findSwallowingElement(body: string): SwallowingElement | null {
  if (!ANYWHERE.test(body)) return null;
  const segments = [...splitTopLevel(body).segments].sort((a, b) => a.start - b.start);
  for (const segment of segments) {
    // A parser may end an element left open before what it took in (a `<style>` at the end of the
    // body ends where it starts): that is in the text after the segment.
    const text = (segment.html + segment.after).trimEnd();
    const opening = OPENING.exec(text);
    if (!opening) continue;
    const tag = opening[1]?.toLowerCase();
    const closing = tag ? new RegExp(`</${tag}\\s*>$`, 'i') : /-->$/;
    if (closing.test(segment.html)) continue;
    const blank = BLANK_LINE.exec(text);
    if (!blank || blank.index + blank[0].length >= text.length) continue;
    return { opening: tag ? `<${tag}>` : '<!--', start: segment.start, headEnd: segment.start + blank.index, cut: segment.start + blank.index + blank[0].length };
  }
  return null;
}
