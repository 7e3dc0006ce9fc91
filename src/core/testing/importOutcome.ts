import type { BodyCodec } from '../bodyCodec.ts';

/** Everything an import of `body` gives and what saving it writes: for tests that compare two ways of reading. */
export function importOutcome(codec: BodyCodec, body: string) {
  const imported = codec.importHtml(body);
  return {
    doc: imported.doc.toJSON(),
    leading: imported.leading,
    trailing: imported.trailing,
    report: imported.report,
    saved: codec.exportHtml(imported).html,
    fresh: codec.exportHtml(imported, { reuseSource: false }).html,
  };
}
