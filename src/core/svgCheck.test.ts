import { describe, expect, it } from 'vitest';
import { cssProblem, svgProblem } from './svgCheck.ts';
import { HOSTILE_SVGS, LEGITIMATE_SVGS } from './testing/svgSamples.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('svgProblem', () => {
  it('has at least 50 hostile files of its own besides a handler on every allowed element', () => {
    expect(HOSTILE_SVGS.filter((s) => !s.name.startsWith('onclick on <')).length).toBeGreaterThanOrEqual(50);
    expect(new Set(HOSTILE_SVGS.map((s) => s.name)).size).toBe(HOSTILE_SVGS.length);
  });

  it.each(HOSTILE_SVGS.map((s) => [s.name, s] as const))('refuses %s, saying why', async (_name, sample) => {
    expect(await svgProblem(bytes(sample.svg))).toMatch(sample.reason);
  });

  it.each(LEGITIMATE_SVGS.map((s) => [s.name, s] as const))('accepts %s', async (_name, sample) => {
    expect(await svgProblem(bytes(sample.svg))).toBeNull();
  });

  it('refuses text that is not UTF-8, as the browser would read it otherwise', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(`<svg xmlns="http://www.w3.org/2000/svg"/>`).flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await svgProblem(utf16)).toBe('it is not UTF-8 text');
    expect(await svgProblem(new Uint8Array([...bytes('<svg xmlns="http://www.w3.org/2000/svg"><text>'), 0xc3, 0x28, ...bytes('</text></svg>')]))).toBe('it is not UTF-8 text');
  });

  it('says on which line the problem is', async () => {
    expect(await svgProblem('<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n<rect onclick="x"/></g></svg>')).toBe(
      'it contains an event handler attribute (onclick on <rect> (line 3))',
    );
  });

  it('reads very deep nesting without overflowing the stack', async () => {
    const depth = 20_000;
    const deep = `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(depth)}<script>x</script>${'</g>'.repeat(depth)}</svg>`;
    expect(await svgProblem(deep)).toMatch(/<script>/);
  });
});

describe('cssProblem', () => {
  it('allows plain rules and references within the file', () => {
    expect(cssProblem('.a{fill:url(#g);stroke:url( "#h" )} @media print{.b{display:none}}')).toBeNull();
    expect(cssProblem('font-family:"Lato", sans-serif; mask-type:alpha')).toBeNull();
  });

  it('refuses what loads, in any case, and escapes that could hide it', () => {
    expect(cssProblem('@IMPORT "x.css"')).toMatch(/@import/);
    expect(cssProblem('a{fill:URL(https://x.example/a#b)}')).toMatch(/loads/);
    expect(cssProblem('a{fill:url(data:image/png;base64,AA)}')).toMatch(/loads/);
    expect(cssProblem('a{background:-webkit-image-set("a.png" 1x)}')).toMatch(/image-set/);
    expect(cssProblem('a{fill:\\75 rl(https://x.example/a)}')).toMatch(/escape/);
    expect(cssProblem('a{fill:url(\u00a0#g)}')).toMatch(/loads/);
    expect(cssProblem('a{background:-webkit-cross-fade(a, b, 50%)}')).toMatch(/cross-fade/);
  });
});
