import { Editor, type EditorOptions } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { afterEach } from 'vitest';
import type { BodyCodec } from '../bodyCodec.ts';
import { docInSchema } from '../docInSchema.ts';

/**
 * For tests of editor commands: makes editors over the codec's blocks (plus any `extensions` given)
 * and destroys each one after its test.
 */
export function testEditors(codec: BodyCodec): (options?: Partial<EditorOptions>) => Editor {
  const made: Editor[] = [];
  afterEach(() => {
    for (const editor of made.splice(0)) editor.destroy();
  });
  return ({ extensions = [], ...options } = {}) => {
    const editor = new Editor({ ...options, extensions: [...codec.extensions, ...extensions] });
    made.push(editor);
    return editor;
  };
}

/** The document as the page editor holds it: made again from the read one, its blocks adopted as unedited. */
export function shownDocument(codec: BodyCodec, read: PMNode): PMNode {
  const copy = docInSchema(read, codec.schema);
  codec.adoptUnedited(read, copy);
  return copy;
}
