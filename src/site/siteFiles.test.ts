import { describe, expect, it } from 'vitest';
import { useJsdom } from '../core/node/useJsdom.ts';
import { siteFileProblems } from './siteFiles.ts';
import { setValue, siteYamlData } from './yamlTextEdit.ts';

useJsdom();

describe('siteFileProblems: what a save of a site file must pass', () => {
  it('judges only values that changed: a file as it was read always saves', () => {
    const config = 'title: Parks\nurl: www.parks.example\ncolors:\n  primary-color: red\n';
    expect(siteFileProblems('settings', config, config)).toEqual([]);
    const edited = config.replace('title: Parks', 'title: Parks <img src=x onerror=alert(1)>');
    expect(siteFileProblems('settings', config, edited).map((p) => p.key)).toEqual(['title']);
  });

  it('refuses any _config.yml change outside the settings, added or removed keys too', () => {
    const config = 'title: Parks\nbaseurl: ""\nplugins:\n  - jekyll-feed\n';
    expect(siteFileProblems('settings', config, config.replace('baseurl: ""', 'baseurl: /x'))[0]?.key).toBe('baseurl');
    expect(siteFileProblems('settings', config, `${config}safe: true\n`)[0]?.key).toBe('safe');
    expect(siteFileProblems('settings', config, config.replace('  - jekyll-feed\n', '  - jekyll-feed\n  - other\n'))[0]?.key).toBe('plugins.1');
    expect(siteFileProblems('settings', config, config.replace('title: Parks', 'title: Gardens'))).toEqual([]);
  });

  it('judges new or changed navigation links in either format', () => {
    const current = 'links:\n  - title: About\n    url: /about/\n';
    expect(siteFileProblems('navigation', current, `${current}  - title: Bad\n    url: "javascript:alert(1)"\n`)[0]?.key).toBe('links.1.url');
    expect(siteFileProblems('navigation', current, `${current}  - title: ${'x'.repeat(31)}\n    url: /x/\n`)[0]?.key).toBe('links.1.title');
    const legacy = '- title: About\n  url: /about/\n';
    expect(siteFileProblems('navigation', legacy, `${legacy}  sub-links:\n  - title: Bad\n    url: "vbscript:x"\n`)[0]?.key).toBe('links.0.sublinks.0.url');
    expect(siteFileProblems('navigation', legacy, 'links: [\n')[0]?.message).toMatch(/does not parse/);
  });

  it('a new footer is judged whole', () => {
    expect(siteFileProblems('footer', null, 'feedback: http://form.example/\n')[0]?.key).toBe('feedback');
    expect(siteFileProblems('footer', null, 'feedback: https://form.gov.sg/x\nshow_reach: true\n')).toEqual([]);
  });
});

describe('settings missing from _config.yml are added where they belong', () => {
  it('creates colours, and a resource colour as a list item', () => {
    const text = 'title: Parks\n';
    expect(siteYamlData(setValue(text, ['colors', 'primary-color'], '#123456'))).toEqual({ title: 'Parks', colors: { 'primary-color': '#123456' } });
    expect(siteYamlData(setValue(text, ['colors', 'media-colors', 0, 'color'], '#123456'))).toEqual({ title: 'Parks', colors: { 'media-colors': [{ color: '#123456' }] } });
  });
});
