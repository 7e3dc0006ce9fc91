import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import { applyChange, onPanelKeyDown, setAttrs, TextSetting } from '../../src/editor/settingsControls.tsx';
import { BareImagePanel, InlineImagePanel } from './bareImageUi.tsx';
import { duplicateAt, isLayoutItem, normaliseClasses, unwrapAt, withClasses } from './commands.ts';
import { layoutName } from './layoutElements.ts';

/** The settings of the container block's nodes: a layout, a bare image in one, or an image in text. */
export default function ContainerPanel(props: BlockPanelProps) {
  if (props.node.type.name === 'bareImage') return <BareImagePanel {...props} />;
  if (props.node.type.name === 'inlineImage') return <InlineImagePanel {...props} />;
  return <LayoutPanel {...props} />;
}

/** The settings of a layout: its classes (advanced), another item like it, or unwrapping it. */
function LayoutPanel({ editor, node, pos }: BlockPanelProps) {
  const tag = node.attrs['tag'] as string;
  const attributes = node.attrs['attributes'] as Record<string, string>;
  const item = isLayoutItem(editor.state.doc, pos);
  return (
    <div className="block-settings" onKeyDown={onPanelKeyDown(editor)}>
      <p className="side-panel__note" data-testid="layout-name">
        Layout: {layoutName(tag, attributes)} (<code>&lt;{tag}&gt;</code>). Its look comes from the site’s styles; edit the text and blocks inside it in the page.
      </p>
      <div className="block-settings__actions">
        {item && (
          <button type="button" className="button" onClick={() => applyChange(editor, (tr) => duplicateAt(tr, pos))}>
            Duplicate this item
          </button>
        )}
        <button type="button" className="button" onClick={() => applyChange(editor, (tr) => unwrapAt(tr, pos))}>
          Unwrap (keep the content, remove this layout)
        </button>
      </div>
      <details className="block-settings__advanced">
        <summary>Advanced</summary>
        <TextSetting
          label="Classes"
          value={attributes['class'] ?? ''}
          help="The site’s CSS classes that lay this out, separated by spaces."
          onCommit={(value) => {
            setAttrs(editor, pos, 'layoutContainer', { attributes: withClasses(attributes, normaliseClasses(value)) });
            return null;
          }}
        />
      </details>
    </div>
  );
}
