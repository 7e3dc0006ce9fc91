import { describe, expect, it } from 'vitest';
import { readFieldValue, writeFieldValue } from './siteForm.ts';
import { SETTINGS_FIELDS } from './siteSettings.ts';
import { FOOTER_FIELDS } from './footer.ts';

const masthead = SETTINGS_FIELDS.find((f) => f.path[0] === 'is_government')!;
const reach = FOOTER_FIELDS.find((f) => f.path[0] === 'show_reach')!;

describe('switches read as the theme reads them', () => {
  it('the masthead is on when _config.yml does not mention it (the theme hides it only for false)', () => {
    const text = 'title: Parks\n';
    expect(readFieldValue(text, masthead)).toBe(true);
    // Left on: nothing written. Turned off: one new line. On again: the line says so.
    expect(writeFieldValue(text, masthead, true)).toBe(text);
    const off = writeFieldValue(text, masthead, false);
    expect(off).toBe('title: Parks\nis_government: false\n');
    expect(readFieldValue(off, masthead)).toBe(false);
    expect(writeFieldValue(off, masthead, true)).toBe('title: Parks\nis_government: true\n');
  });

  it('the REACH link is off when the footer does not mention it', () => {
    const text = 'faq: /faq/\n';
    expect(readFieldValue(text, reach)).toBe(false);
    expect(writeFieldValue(text, reach, false)).toBe(text);
    expect(writeFieldValue(text, reach, true)).toBe('faq: /faq/\nshow_reach: true\n');
  });
});
