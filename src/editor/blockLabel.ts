import type { Node as PMNode } from '@tiptap/pm/model';
import { blockRegistry } from '../../extensions/registry.ts';
import type { BlockDefinition } from '../core/blockDefinition.ts';

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** A block's name in plain words, from the registry's insert entries when one matches its type. */
export function blockLabel(node: PMNode): string {
  const type = kebab(node.type.name);
  const ids = node.type.name === 'heading' ? [`heading-${String(node.attrs['level'])}`, type] : [type];
  for (const id of ids) {
    for (const block of blockRegistry) {
      const entry = block.insertEntries?.find((e) => e.id === id);
      if (entry) return node.type.name === 'rawHtml' ? `${entry.label} block` : entry.label;
    }
  }
  // The block that defines this node type names it by its first insert entry.
  const owner = blockRegistry.find((b) => b.extensions.some((e) => e.name === node.type.name));
  const label = owner?.insertEntries?.[0]?.label;
  if (label) return label;
  const words = type.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The block definition whose settings panel edits this node type, if any. */
export function settingsDefinitionFor(typeName: string): BlockDefinition | undefined {
  return blockRegistry.find((b) => b.loadSettingsPanel && (b.settingsFor ?? []).includes(typeName));
}
