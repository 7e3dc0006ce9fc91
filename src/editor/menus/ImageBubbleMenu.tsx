import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { BubbleMenu, type BubbleMenuProps } from '@tiptap/react/menus';
import { useCallback, useId, useMemo, useState } from 'react';
import { linkAddressProblem } from '../../app/LinkDialog.tsx';
import { useUiStore } from '../../store/uiStore.ts';
import { focusedIn } from './menuFocus.ts';
import { useEditorValue } from '../useEditorValue.ts';

const IMAGE = 'isomerImage';

interface ImageState {
  pos: number;
  alt: string | null;
  href: string | null;
  width: number;
}

/** Alt text, link and width of the selected image; the rest (replacing it) is in the Block tab. */
export function ImageBubbleMenu({ editor }: { editor: Editor }) {
  const image = useEditorValue(
    editor,
    (e): ImageState | null => {
      const { selection } = e.state;
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== IMAGE) return null;
      const a = selection.node.attrs;
      return { pos: selection.from, alt: (a['alt'] as string | null) ?? null, href: (a['href'] as string | null) ?? null, width: Number(a['width'] ?? 100) };
    },
    (a, b) => a === b || (a !== null && b !== null && a.pos === b.pos && a.alt === b.alt && a.href === b.href && a.width === b.width),
  );

  // Placed by the picture itself, not by its full-width wrapper: beside it when the page has room
  // there (a narrow image), else below or above it; never over it, and over as little text as may be.
  const selectedPicture = useCallback(() => {
    const { selection } = editor.state;
    const wrapper = selection instanceof NodeSelection ? editor.view.nodeDOM(selection.from) : null;
    const picture = wrapper instanceof HTMLElement ? wrapper.querySelector('img') : null;
    return picture ? { getBoundingClientRect: () => picture.getBoundingClientRect(), getClientRects: () => [picture.getBoundingClientRect()] } : null;
  }, [editor]);
  const placement = useMemo<BubbleMenuProps['options']>(
    () => ({
      placement: 'right-start',
      flip: { boundary: editor.view.dom, fallbackPlacements: ['left-start', 'bottom-start', 'top-start'] },
      shift: { padding: 8 },
    }),
    [editor],
  );

  return (
    <BubbleMenu
      editor={editor}
      pluginKey="imageBubbleMenu"
      className="bubble-menu"
      role="group"
      aria-label="Image"
      shouldShow={(props) => {
        const { selection } = props.state;
        return focusedIn(props) && selection instanceof NodeSelection && selection.node.type.name === IMAGE;
      }}
      getReferencedVirtualElement={selectedPicture}
      options={placement}
    >
      {image && <ImageForm key={`${image.pos}|${image.alt}|${image.href}|${image.width}`} editor={editor} image={image} />}
    </BubbleMenu>
  );
}

function ImageForm({ editor, image }: { editor: Editor; image: ImageState }) {
  const id = useId();
  const [decorative, setDecorative] = useState(image.alt === '');
  const [alt, setAlt] = useState(image.alt ?? '');
  const [href, setHref] = useState(image.href ?? '');
  const [width, setWidth] = useState(String(image.width));
  const setPanelTab = useUiStore((s) => s.setPanelTab);

  const widthNumber = Number(width);
  const widthProblem = !Number.isInteger(widthNumber) || widthNumber < 1 || widthNumber > 100 ? 'The width is a whole number from 1 to 100.' : null;
  const linkProblem = href.trim() === '' ? null : linkAddressProblem(href);
  const altProblem = !decorative && alt.trim() === '' ? 'Describe the image, or mark it as decorative.' : null;
  const problem = widthProblem ?? linkProblem ?? altProblem;

  const apply = () => {
    if (problem) return;
    const link = href.trim();
    const patch: Record<string, unknown> = { alt: decorative ? '' : alt.trim(), width: widthNumber };
    if (link === '') Object.assign(patch, { href: null, target: null, rel: null });
    else if (link !== image.href) Object.assign(patch, { href: link, rel: /^https?:/i.test(link) ? 'noopener noreferrer nofollow' : null });
    editor.chain().focus().setNodeSelection(image.pos).updateAttributes(IMAGE, patch).run();
  };

  return (
    <form
      className="bubble-menu__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor={`${id}-alt`} className="bubble-menu__label">
        Description (alt text)
      </label>
      <input id={`${id}-alt`} className="field__input" type="text" value={alt} disabled={decorative} onChange={(event) => setAlt(event.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={decorative} onChange={(event) => setDecorative(event.target.checked)} /> Decorative (no description)
      </label>
      <label htmlFor={`${id}-href`} className="bubble-menu__label">
        Link (optional)
      </label>
      <input id={`${id}-href`} className="field__input" type="text" inputMode="url" value={href} onChange={(event) => setHref(event.target.value)} />
      <label htmlFor={`${id}-width`} className="bubble-menu__label">
        Width (% of the content width)
      </label>
      <input id={`${id}-width`} className="field__input bubble-menu__number" type="number" min={1} max={100} value={width} onChange={(event) => setWidth(event.target.value)} />
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="bubble-menu__row">
        <button type="submit" className="button button--small button--primary" disabled={problem !== null}>
          Apply
        </button>
        <button type="button" className="button button--small" onClick={() => setPanelTab('block')}>
          Replace image…
        </button>
      </div>
    </form>
  );
}
