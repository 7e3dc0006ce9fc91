import { describe, expect, it } from 'vitest';
import { parseYamlAny, parseYamlMapping } from './yamlData.ts';

describe('site YAML files', () => {
  it('parses a mapping, and flags broken YAML, duplicate keys and non-mappings without throwing', () => {
    expect(parseYamlMapping('title: A\n')).toEqual({ data: { title: 'A' }, error: false });
    expect(parseYamlMapping('title: A\nx: [unclosed\n').error).toBe(true);
    expect(parseYamlMapping('title: A\ntitle: B\n').error).toBe(true);
    expect(parseYamlMapping('- a list\n').error).toBe(true);
    expect(parseYamlMapping('')).toEqual({ data: {}, error: false });
  });
  it('parseYamlAny returns lists and undefined on error', () => {
    expect(parseYamlAny('- title: A\n  url: /a/\n')).toEqual([{ title: 'A', url: '/a/' }]);
    expect(parseYamlAny('a: [')).toBeUndefined();
  });
});
