import { describe, expect, it } from 'vitest';
import { useJsdom } from '../core/node/useJsdom.ts';
import { changedLines, readSampleSiteFile, readSiteFiles } from '../core/testing/siteFiles.ts';
import { FOOTER_FIELDS } from './footer.ts';
import type { SiteField } from './siteField.ts';
import { siteFileProblems, type SiteFileName } from './siteFiles.ts';
import { readFieldValue, writeFieldValue } from './siteForm.ts';
import { SETTINGS_FIELDS } from './siteSettings.ts';

useJsdom();

const files = (suffix: string, sample: string) => [...readSiteFiles(suffix), readSampleSiteFile(sample)];

/** A value each kind of field accepts. */
const VALID: Record<SiteField['kind'], string | boolean> = {
  text: 'Edited text',
  title: 'Edited title',
  link: '/edited/',
  https: 'https://edited.example.gov.sg/',
  boolean: true,
  colour: '#123456',
  pixel: '123456789012345',
  ga4: 'G-EDITED1',
};

function eachFieldEditedAlone(name: SiteFileName, text: string, fields: readonly SiteField[]) {
  for (const field of fields) {
    const key = field.path.join('.');
    // A later resource colour of a file without the list would need the earlier items too (not handled).
    if (key.startsWith('colors.media-colors.') && field.path[2] !== 0 && !readFieldValue(text, fields.find((f) => f.path.join('.') === 'colors.media-colors.0.color')!)) continue;
    const value = field.kind === 'boolean' ? !readFieldValue(text, field) : VALID[field.kind];
    const out = writeFieldValue(text, field, value);
    expect(readFieldValue(out, field), key).toBe(value);
    // Every other field reads as before.
    for (const other of fields) if (other !== field) expect(readFieldValue(out, other), `${key} → ${other.path.join('.')}`).toBe(readFieldValue(text, other));
    // A changed value is its own line(s); a new one adds lines (a missing parent map too).
    const diff = changedLines(text, out);
    // Lines after the first removed one are the old value's own continuation lines (more indented).
    const indent = (line: string) => /^ */.exec(line)![0].length;
    for (const line of diff.removed.slice(1)) expect(line === '' || indent(line) > indent(diff.removed[0]!), `${key}: ${line}`).toBe(true);
    expect(diff.added.length, key).toBeLessThanOrEqual(field.path.length);
    expect(siteFileProblems(name, text, out), key).toEqual([]);
  }
}

describe('each footer and settings field of every real file, edited alone', () => {
  it.each(files('_data__footer.yml', '_data/footer.yml'))('footer $name', ({ text }) => eachFieldEditedAlone('footer', text, FOOTER_FIELDS));
  it.each(files('__config.yml', '_config.yml'))('settings $name', ({ text }) => eachFieldEditedAlone('settings', text, SETTINGS_FIELDS));
});
