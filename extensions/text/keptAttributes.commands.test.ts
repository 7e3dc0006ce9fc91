// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BodyCodec } from '../../src/core/bodyCodec.ts';
import { testEditors } from '../../src/core/testing/testEditors.ts';
import { blockRegistry } from '../registry.ts';

const codec = new BodyCodec(blockRegistry);

describe('kept attributes while editing', () => {
  const makeEditor = testEditors(codec);
  const html = (e: ReturnType<typeof makeEditor>) => codec.exportHtml({ doc: e.state.doc, leading: '', trailing: '' }, { reuseSource: false }).html;

  it('Enter in the middle of a block keeps its id on the first half only; at the end it starts a plain block', () => {
    const e = makeEditor({ content: codec.toJSON(codec.importHtml('<p id="intro" class="lead">Opening words</p>').doc) as object });
    e.commands.setTextSelection(1 + 'Opening'.length);
    e.commands.splitBlock();
    expect(html(e)).toBe('<p id="intro" class="lead">Opening</p>\n<p class="lead"> words</p>');
    e.commands.setTextSelection(e.state.doc.content.size - 1);
    e.commands.splitBlock();
    expect(html(e)).toBe('<p id="intro" class="lead">Opening</p>\n<p class="lead"> words</p>\n<p></p>');
  });

  it('bold typed over text keeps the attributes of the paragraph and of the marks around it', () => {
    const e = makeEditor({ content: codec.toJSON(codec.importHtml('<p lang="ms" data-x="1">Satu <em class="term">dua</em> tiga</p>').doc) as object });
    e.commands.setTextSelection({ from: 1, to: 1 + 'Satu'.length });
    e.commands.toggleBold();
    expect(html(e)).toBe('<p lang="ms" data-x="1"><strong>Satu</strong> <em class="term">dua</em> tiga</p>');
  });
});
