// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readKeptDraft, type PageDraft } from './drafts.ts';

const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kept' }] }] };
const meta = { siteId: 'site', path: 'pages/a.md', frontMatterText: 'title: A\n', baseEtag: 'e1', savedAt: 5 };

describe('readKeptDraft', () => {
  it('parses the document of a draft kept as JSON text', () => {
    expect(readKeptDraft({ ...meta, docJson: JSON.stringify(doc) })).toEqual({ ...meta, doc });
  });

  it('reads a draft kept before drafts held JSON text as it is', () => {
    const old: PageDraft = { ...meta, doc };
    expect(readKeptDraft(old)).toBe(old);
  });
});
