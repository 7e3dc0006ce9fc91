import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import type { Editor } from '@tiptap/core';
import { applyChange, IssueList, nodeAt, NumberSetting, onPanelKeyDown, setAttrs, TextSetting } from '../../src/editor/settingsControls.tsx';
import { imageIssues } from '../image/schema.ts';
import { ImageFields, linkAddressError } from '../image/ui.tsx';
import { bareImageFields, patchBareImage, type BareImageAttrs, type BareImagePatch } from './bareImage.ts';

/** Settings of an image without Isomer's wrapper: file, description, width and link, written back without a wrapper. */
export function BareImagePanel({ editor, node, pos }: BlockPanelProps) {
  const attrs = node.attrs as BareImageAttrs;
  const fields = bareImageFields(attrs);
  const update = (patch: BareImagePatch) => setAttrs(editor, pos, 'bareImage', { ...patchBareImage(attrs, patch) });
  return (
    <ImagePanelFields
      editor={editor}
      fields={fields}
      update={update}
      href={fields.href ?? ''}
      linkHelp="Optional: where a click on the image leads."
      setLink={(href) => update({ href })}
    />
  );
}

interface ImagePanelFieldsProps {
  editor: Editor;
  fields: ReturnType<typeof bareImageFields>;
  update: (patch: BareImagePatch) => void;
  href: string;
  linkHelp: string;
  /** Links the image to the address, or unlinks it (null). */
  setLink: (href: string | null) => void;
}

/** What both panels show: the image's issues, file and description, width and link address. */
function ImagePanelFields({ editor, fields, update, href, linkHelp, setLink }: ImagePanelFieldsProps) {
  return (
    <div className="block-settings" onKeyDown={onPanelKeyDown(editor)}>
      <IssueList issues={imageIssues({ src: fields.src, alt: fields.alt, width: fields.width })} />
      <ImageFields attrs={fields} onChange={(patch) => update(patch)} />
      <NumberSetting label="Width" unit="% of the space it sits in" min={1} max={100} slider value={fields.width} onCommit={(width) => update({ width })} />
      <TextSetting
        label="Link address"
        value={href}
        placeholder="https:// or /page/"
        help={linkHelp}
        onCommit={(value) => {
          const error = linkAddressError(value);
          if (error) return error;
          setLink(value.trim() === '' ? null : value.trim());
          return null;
        }}
      />
    </div>
  );
}

/**
 * Links an image standing in text to `href`, or unlinks it (null). The link is the text's link mark on
 * the image alone; a link it had keeps its other attributes (class, target).
 */
export function setInlineImageLink(editor: Editor, pos: number, href: string | null): boolean {
  const node = nodeAt(editor, pos, 'inlineImage');
  const type = editor.schema.marks['link'];
  if (!node || !type) return false;
  const link = type.isInSet(node.marks);
  if ((link?.attrs['href'] ?? null) === href) return false;
  return applyChange(editor, (tr) => {
    tr.removeMark(pos, pos + 1, type);
    if (href !== null) tr.addMark(pos, pos + 1, type.create({ ...(link?.attrs ?? {}), href }));
  });
}

/** Settings of an image standing in text: file, description, width and the link around it. */
export function InlineImagePanel({ editor, node, pos }: BlockPanelProps) {
  const attrs: BareImageAttrs = { img: node.attrs['img'] as Record<string, string>, link: null };
  const update = (patch: BareImagePatch) => setAttrs(editor, pos, 'inlineImage', { img: patchBareImage(attrs, patch).img });
  return (
    <ImagePanelFields
      editor={editor}
      fields={bareImageFields(attrs)}
      update={update}
      href={(node.marks.find((mark) => mark.type.name === 'link')?.attrs['href'] as string | null) ?? ''}
      linkHelp="Optional: where a click on the image leads (the text beside it keeps its own link)."
      setLink={(href) => setInlineImageLink(editor, pos, href)}
    />
  );
}
