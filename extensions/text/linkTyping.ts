import type { AnyExtension, Editor } from '@tiptap/core';
import { getExtensionField, isExtensionRulesEnabled, pasteRulesPlugin } from '@tiptap/core';
import { Link } from '@tiptap/extension-link';
import type { Plugin, PluginKey } from '@tiptap/pm/state';
import { registerLatePlugin } from '../../src/editor/selectionBeforeKeys.ts';

/**
 * Links made of URLs while typing and on paste: the plugins of the link extension of TipTap, run with
 * the options of the editor's own link mark (./link.ts), put where that mark keeps their place.
 */
export function installLinkTyping(editor: Editor, slot: PluginKey): void {
  if (editor.isDestroyed) return;
  const placeholder = slot.get(editor.state);
  const mark = editor.extensionManager.extensions.find((extension) => extension.name === 'link');
  const type = editor.schema.marks['link'];
  if (!placeholder || !mark || !type) return;

  const context = { name: 'link', options: { ...Link.options, ...mark.options }, storage: {}, editor, type };
  const plugins: Plugin[] = [];
  const addPasteRules = getExtensionField<() => Parameters<typeof pasteRulesPlugin>[0]['rules']>(Link, 'addPasteRules', context);
  if (addPasteRules && isExtensionRulesEnabled(mark as AnyExtension, editor.options.enablePasteRules)) {
    plugins.push(...pasteRulesPlugin({ editor, rules: addPasteRules() }));
  }
  const addProseMirrorPlugins = getExtensionField<() => Plugin[]>(Link, 'addProseMirrorPlugins', context);
  plugins.push(...(addProseMirrorPlugins?.() ?? []));

  registerLatePlugin(editor, plugins[0]!, (_, all) => all.flatMap((p) => (p === placeholder ? plugins : [p])));
}
