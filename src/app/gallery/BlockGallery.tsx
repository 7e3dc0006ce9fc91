import { Editor } from '@tiptap/core';
import { EditorContent, useEditorState } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { lazy, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { blockRegistry } from '../../../extensions/registry.ts';
import type { BlockDefinition, BlockFixture } from '../../core/blockDefinition.ts';
import { bodyCodec } from '../../editor/bodyCodecInstance.ts';
import type { BlockPanelProps } from '../../editor/blockPanelProps.ts';
import { injectBlockStyles } from '../../editor/blockStyles.ts';
import { createEditorExtensions } from '../../editor/createEditorExtensions.ts';
import { loadBlockViewsWhenIdle } from '../../editor/lazyBlockViews.ts';
import { buildPreviewDocument, previewBody } from '../preview/previewDocument.ts';
import { previewStyles } from '../preview/previewStyles.ts';
import './gallery.css';

/**
 * The block gallery at `/blocks`: every registered block's fixtures in the editing canvas, as the site
 * shows them, and with the block's settings panel, to build blocks by eye. Loaded only at that address.
 */
export default function BlockGallery() {
  useEffect(() => injectBlockStyles(), []);
  return (
    <main className="block-gallery">
      <h1>Blocks</h1>
      <p>Every block's fixtures: as edited, as the site shows them, and the block's settings.</p>
      <nav aria-label="Blocks">
        {blockRegistry.map((block) => (
          <a key={block.name} href={`#block-${block.name}`}>
            {block.name}
          </a>
        ))}
      </nav>
      {blockRegistry.map((block) => (
        <section key={block.name} id={`block-${block.name}`} className="block-gallery__block" data-block={block.name} aria-label={`Block ${block.name}`}>
          <h2>
            {block.name} <small>order {block.order}</small>
          </h2>
          {(block.fixtures ?? []).length === 0 && <p>This block has no fixtures.</p>}
          {(block.fixtures ?? []).map((fixture) => (
            <FixtureRow key={fixture.name} block={block} fixture={fixture} />
          ))}
        </section>
      ))}
    </main>
  );
}

function FixtureRow({ block, fixture }: { block: BlockDefinition; fixture: BlockFixture }) {
  const codec = bodyCodec();
  const [editor] = useState(() => {
    const created = new Editor({
      extensions: createEditorExtensions(codec),
      content: codec.toJSON(codec.importHtml(fixture.html).doc),
      editorProps: { attributes: { class: 'isomer-content', 'aria-label': `${block.name}: ${fixture.name}` } },
    });
    created.createNodeViews = () => undefined;
    return created;
  });
  useEffect(() => {
    loadBlockViewsWhenIdle(editor);
    return () => editor.destroy();
  }, [editor]);

  // The site view follows the edits made in the canvas.
  const html = useEditorState({ editor, selector: ({ editor: e }) => codec.exportHtml({ doc: codec.fromJSON(e.getJSON()), leading: '', trailing: '' }).html });
  const srcDoc = useMemo(
    () =>
      buildPreviewDocument({
        site: null,
        pages: [],
        path: `${block.name}.md`,
        title: fixture.name,
        bodyHtml: previewBody(codec.sanitizer.sanitize(html, { keepPublishedEmbeds: true }).html, document),
        css: previewStyles(),
      }),
    [codec, html, block.name, fixture.name],
  );

  return (
    <article className="block-gallery__fixture" data-fixture={fixture.name}>
      <h3>{fixture.name}</h3>
      <div className="block-gallery__columns">
        <div className="block-gallery__canvas isomer-canvas">
          <h4>Editing</h4>
          <EditorContent editor={editor} />
        </div>
        <div className="block-gallery__site">
          <h4>On the site</h4>
          <iframe title={`${block.name}: ${fixture.name} on the site`} sandbox="" srcDoc={srcDoc} />
        </div>
        <div className="block-gallery__panel">
          <h4>Settings</h4>
          <FixturePanel block={block} editor={editor} />
        </div>
      </div>
    </article>
  );
}

const panels = new Map<string, ComponentType<BlockPanelProps>>();

function panelOf(block: BlockDefinition): ComponentType<BlockPanelProps> | null {
  if (!block.loadSettingsPanel) return null;
  let panel = panels.get(block.name);
  if (!panel) {
    const load = block.loadSettingsPanel;
    panel = lazy(async () => (await load()) as { default: ComponentType<BlockPanelProps> });
    panels.set(block.name, panel);
  }
  return panel;
}

/** The block's panel for the first node of the fixture it has settings for. */
function FixturePanel({ block, editor }: { block: BlockDefinition; editor: Editor }) {
  const target = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      let found: { node: PMNode; pos: number } | null = null;
      e.state.doc.descendants((node, pos) => {
        if (found) return false;
        if ((block.settingsFor ?? []).includes(node.type.name)) found = { node, pos };
        return !found;
      });
      return found as { node: PMNode; pos: number } | null;
    },
  });
  const Panel = panelOf(block);
  if (!Panel || !target) return <p>This block has no settings.</p>;
  return (
    <Suspense fallback={<p>Loading the settings…</p>}>
      <Panel editor={editor} node={target.node} pos={target.pos} />
    </Suspense>
  );
}
