import { describe, expect, it } from 'vitest';
import { readSiteEmbedConfigText } from './siteEmbedConfig.ts';

describe('_data/isomer-editor.yml: the hosts a site adds to the embed allowlist', () => {
  it('reads host names, lower-cased, an https:// in front dropped, each once', () => {
    const config = readSiteEmbedConfigText('# Our embeds\nembed_hosts:\n  - docs.google.com\n  - https://App.PowerBI.com/\n  - docs.google.com\n');
    expect(config).toEqual({ hosts: ['docs.google.com', 'app.powerbi.com'], error: null });
  });

  it('adds nothing when the file is missing, empty, only comments or has an empty list', () => {
    for (const text of [null, '', '# nothing yet\n', 'embed_hosts: []\n', 'embed_hosts:\n']) {
      expect(readSiteEmbedConfigText(text), String(text)).toEqual({ hosts: [], error: null });
    }
  });

  it.each([
    ['http://docs.google.com', /must load over https/],
    ['javascript:alert(1)', /must load over https/],
    ['docs.google.com/forms', /not a host name/],
    ['docs.google.com:8443', /not a host name/],
    ['*.google.com', /not a host name/],
    ['.google.com', /not a host name/],
    ['192.168.1.10', /not a host name/],
    ['localhost', /not a host name/],
    ['user@docs.google.com', /not a host name/],
    ['docs google.com', /not a host name/],
    ['', /not a host name/],
  ])('refuses the whole file for the entry %j', (entry, why) => {
    const config = readSiteEmbedConfigText(`embed_hosts:\n  - ${JSON.stringify(entry)}\n  - docs.google.com\n`);
    expect(config.hosts).toEqual([]);
    expect(config.error).toMatch(/^_data\/isomer-editor\.yml: /);
    expect(config.error).toMatch(why);
  });

  it.each([
    ['embed_hosts: docs.google.com\n', /must be a list/],
    ['embed_hosts:\n  - { host: docs.google.com }\n', /is not a host name/],
    ['embed_host:\n  - docs.google.com\n', /unknown setting "embed_host"/],
    ['- docs.google.com\n', /expected settings/],
    ['embed_hosts: [docs.google.com\n', /not valid YAML/],
  ])('refuses %j with a message that says why', (text, why) => {
    const config = readSiteEmbedConfigText(text);
    expect(config.hosts).toEqual([]);
    expect(config.error).toMatch(why);
  });
});
