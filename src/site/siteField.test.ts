import { describe, expect, it } from 'vitest';
import { useJsdom } from '../core/node/useJsdom.ts';
import { FOOTER_FIELDS } from './footer.ts';
import { NAV_TITLE_FIELD, NAV_URL_FIELD } from './navigation.ts';
import { checkFieldValue, hasErrors, type SiteField } from './siteField.ts';
import { SETTINGS_FIELDS } from './siteSettings.ts';

useJsdom();

const setting = (key: string): SiteField => SETTINGS_FIELDS.find((f) => f.path.join('.') === key)!;
const footer = (key: string): SiteField => FOOTER_FIELDS.find((f) => f.path.join('.') === key)!;
const errors = (field: SiteField, value: unknown) => checkFieldValue(field, value).filter((i) => i.severity === 'error');

describe('site field rules', () => {
  it('a required field must not be blank; an optional one may', () => {
    expect(errors(setting('title'), '  ')[0]?.message).toMatch(/required/);
    expect(errors(setting('description'), '')).toEqual([]);
  });

  it('navigation titles are 1 to 30 characters', () => {
    expect(hasErrors(checkFieldValue(NAV_TITLE_FIELD, 'x'.repeat(30)))).toBe(false);
    expect(errors(NAV_TITLE_FIELD, 'x'.repeat(31))[0]?.message).toMatch(/at most 30/);
    expect(errors(NAV_TITLE_FIELD, '')[0]?.message).toMatch(/required/);
  });

  it('colours are hex without transparency', () => {
    const colour = setting('colors.primary-color');
    for (const good of ['#0b6e4f', '#ABC', '#3F1196']) expect(errors(colour, good)).toEqual([]);
    for (const bad of ['0b6e4f', '#0b6e4f80', 'red', '#12345g']) expect(hasErrors(checkFieldValue(colour, bad))).toBe(true);
    // An empty resource colour breaks the theme's styles.
    expect(hasErrors(checkFieldValue(setting('colors.media-colors.0.color'), ''))).toBe(true);
  });

  it('analytics IDs follow their formats', () => {
    expect(errors(setting('facebook-pixel'), '123456789012345')).toEqual([]);
    expect(hasErrors(checkFieldValue(setting('facebook-pixel'), '12345'))).toBe(true);
    expect(checkFieldValue(setting('google_analytics_ga4'), 'UA-1234-1')[0]?.severity).toBe('warning');
    expect(checkFieldValue(setting('google_analytics_ga4'), 'G-7YL3CX08LM')).toEqual([]);
  });

  it('addresses must be safe, and https where the spec asks for it', () => {
    expect(hasErrors(checkFieldValue(NAV_URL_FIELD, 'javascript:alert(1)'))).toBe(true);
    expect(hasErrors(checkFieldValue(NAV_URL_FIELD, 'java&#x09;script:alert(1)'))).toBe(true);
    expect(checkFieldValue(NAV_URL_FIELD, '/about-us/')).toEqual([]);
    expect(checkFieldValue(NAV_URL_FIELD, 'https://portal.example.gov.sg')).toEqual([]);
    expect(hasErrors(checkFieldValue(footer('feedback'), 'http://form.example/x'))).toBe(true);
    expect(checkFieldValue(footer('feedback'), 'https://form.gov.sg/abc')).toEqual([]);
    expect(hasErrors(checkFieldValue(setting('url'), 'www.agency.gov.sg'))).toBe(true);
  });

  it('printed text may hold inline formatting but nothing that runs; titles refuse direction controls', () => {
    expect(checkFieldValue(setting('description'), 'Parks <b>for all</b>')).toEqual([]);
    expect(hasErrors(checkFieldValue(setting('description'), 'x<img src=x onerror=alert(1)>'))).toBe(true);
    expect(hasErrors(checkFieldValue(NAV_TITLE_FIELD, 'About" onmouseover="alert(1)'))).toBe(true);
    expect(hasErrors(checkFieldValue(setting('title'), 'Parks \u202eboard'))).toBe(true);
    expect(checkFieldValue(setting('description'), '<h2>Big</h2>')[0]?.severity).toBe('warning');
  });

  it('a switch is true or false', () => {
    expect(checkFieldValue(footer('show_reach'), true)).toEqual([]);
    expect(hasErrors(checkFieldValue(footer('show_reach'), 'yes'))).toBe(true);
  });
});
