import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useJsdom } from '../core/node/useJsdom.ts';
import { FOOTER_FIELDS } from './footer.ts';
import { siteFileProblems } from './siteFiles.ts';
import { formIssues, writeFieldValue } from './siteForm.ts';
import { SETTINGS_FIELDS } from './siteSettings.ts';

useJsdom();

const CORPUS = path.resolve('../shared/corpus/site-files');
const footerField = (key: string) => FOOTER_FIELDS.find((f) => f.path.join('.') === key)!;
const errorsOf = (issues: ReturnType<typeof formIssues>) => issues.filter((i) => i.severity === 'error').map((i) => `${i.field.path.join('.')} ${i.inFile ? 'in file' : 'edited'}`);

describe('formIssues: mistakes already in the file', () => {
  const footer = 'feedback: http://form.example/abc # not https\nsocial_media:\n  facebook: https://www.facebook.com/agency\n';

  it('states a mistake the file came with, before any edit', () => {
    expect(errorsOf(formIssues(footer, footer, FOOTER_FIELDS))).toEqual(['feedback in file']);
  });

  it('does not refuse saving another change while the mistake stays, and refuses a new one', () => {
    const other = writeFieldValue(footer, footerField('faq'), '/faq/');
    expect(errorsOf(formIssues(other, footer, FOOTER_FIELDS))).toEqual(['feedback in file']);
    expect(siteFileProblems('footer', footer, other)).toEqual([]);
    const worse = writeFieldValue(footer, footerField('social_media.facebook'), 'facebook.com/agency');
    expect(errorsOf(formIssues(worse, footer, FOOTER_FIELDS))).toEqual(['feedback in file', 'social_media.facebook edited']);
    expect(siteFileProblems('footer', footer, worse).map((p) => p.key)).toEqual(['social_media.facebook']);
  });

  it('drops the notice once the mistake is fixed', () => {
    const fixed = writeFieldValue(footer, footerField('feedback'), 'https://form.example/abc');
    expect(errorsOf(formIssues(fixed, footer, FOOTER_FIELDS))).toEqual([]);
  });

  it('flags a settings file without a required colour, and still lets its other settings be saved', () => {
    const config = 'title: Parks\nurl: https://parks.example.gov.sg\ncolors:\n  primary-color: "#0b6e4f"\n  secondary-color: "#00000"\n';
    const issues = errorsOf(formIssues(config, config, SETTINGS_FIELDS));
    expect(issues).toContain('colors.secondary-color in file');
    const edited = writeFieldValue(config, SETTINGS_FIELDS.find((f) => f.path.join('.') === 'title')!, 'Parks Board');
    expect(siteFileProblems('settings', config, edited)).toEqual([]);
  });
});

describe('formIssues over the real footers and settings', () => {
  const files = readdirSync(CORPUS).filter((n) => n.endsWith('_data__footer.yml') || n.endsWith('__config.yml'));

  it('marks every issue of an unedited file as already in it, and a no-op save of it is never refused', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const name of files) {
      const text = readFileSync(path.join(CORPUS, name), 'utf8');
      const footer = name.endsWith('footer.yml');
      const issues = formIssues(text, text, footer ? FOOTER_FIELDS : SETTINGS_FIELDS);
      expect(issues.every((i) => i.inFile), name).toBe(true);
      expect(siteFileProblems(footer ? 'footer' : 'settings', text, text), name).toEqual([]);
    }
  });
});
