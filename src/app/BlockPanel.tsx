import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection } from '@tiptap/pm/state';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { BlockDefinition } from '../core/blockDefinition.ts';
import { blockLabel, settingsDefinitionFor } from '../editor/blockLabel.ts';
import type { BlockPanelProps } from '../editor/blockPanelProps.ts';
import { useEditorStore } from '../store/editorStore.ts';
import { useEditorValue } from '../editor/useEditorValue.ts';

const panels = new Map<string, LazyExoticComponent<ComponentType<BlockPanelProps>>>();

/** One lazy component per block definition, so its code loads the first time such a block is selected. */
function settingsPanelOf(definition: BlockDefinition): LazyExoticComponent<ComponentType<BlockPanelProps>> {
  let panel = panels.get(definition.name);
  if (!panel) {
    const load = definition.loadSettingsPanel!;
    panel = lazy(async () => (await load()) as { default: ComponentType<BlockPanelProps> });
    panels.set(definition.name, panel);
  }
  return panel;
}

interface SelectedBlock {
  label: string;
  typeName: string;
  pos: number;
  /** Only for blocks with a settings panel: other blocks then do not re-render this on typing. */
  node: PMNode | null;
}

function selectedBlock(editor: Editor): SelectedBlock | null {
  const { selection } = editor.state;
  const { $from } = selection;
  const nodeSelected = selection instanceof NodeSelection ? selection.node : null;
  const top = nodeSelected && $from.depth === 0 ? nodeSelected : $from.depth >= 1 ? $from.node(1) : null;
  if (!top) return null;
  const topPos = nodeSelected && $from.depth === 0 ? selection.from : $from.before(1);

  // The panel edits the innermost node some block has settings for (a card inside a card grid, say).
  let target: { node: PMNode; pos: number } | null = null;
  if (nodeSelected && settingsDefinitionFor(nodeSelected.type.name)) target = { node: nodeSelected, pos: selection.from };
  for (let depth = $from.depth; !target && depth >= 1; depth--) {
    const node = $from.node(depth);
    if (settingsDefinitionFor(node.type.name)) target = { node, pos: $from.before(depth) };
  }
  return {
    label: blockLabel(top),
    typeName: target?.node.type.name ?? top.type.name,
    pos: target?.pos ?? topPos,
    node: target?.node ?? null,
  };
}

const sameBlock = (a: SelectedBlock | null, b: SelectedBlock | null) =>
  a === b || (a !== null && b !== null && a.label === b.label && a.pos === b.pos && a.node === b.node && a.typeName === b.typeName);

function BlockSettings({ editor }: { editor: Editor }) {
  const block = useEditorValue(editor, (e) => selectedBlock(e), sameBlock);
  if (!block) return <p className="side-panel__note">Click a block in the page to see its settings.</p>;
  const definition = settingsDefinitionFor(block.typeName);
  const Panel = definition ? settingsPanelOf(definition) : null;
  return (
    <div className="block-panel">
      <h2 className="side-panel__heading">{block.label}</h2>
      {Panel && block.node ? (
        <Suspense fallback={<p className="side-panel__note">Loading the block settings…</p>}>
          <Panel editor={editor} node={block.node} pos={block.pos} />
        </Suspense>
      ) : (
        <p className="side-panel__note">This block has no settings. Edit it directly in the page.</p>
      )}
    </div>
  );
}

export default function BlockPanel() {
  const editor = useEditorStore((s) => s.editor);
  if (!editor) return <p className="side-panel__note">Open a page to see the settings of its blocks.</p>;
  return <BlockSettings editor={editor} />;
}
