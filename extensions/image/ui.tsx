import { useId } from 'react';
import { isSafeUrl } from '../../src/core/safeUrl.ts';
import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import {
  CheckSetting,
  IssueList,
  NumberSetting,
  onPanelKeyDown,
  setAttrs,
  SiteImageList,
  TextSetting,
  useMediaPicker,
} from '../../src/editor/settingsControls.tsx';
import { imageIssues, type ImageAttrs } from './schema.ts';

/** Why a link address is refused, or null when it may be used. */
export function linkAddressError(url: string): string | null {
  const value = url.trim();
  if (value === '') return null;
  if (/\s/.test(value)) return 'A link address cannot contain spaces.';
  if (!isSafeUrl(value)) return 'Use an address starting with https://, http://, mailto:, tel: or / (a page of this site).';
  return null;
}

/** Why an image address is refused, or null when it may be used. */
export function imageAddressError(src: string): string | null {
  const value = src.trim();
  if (value === '') return null;
  if (/^data:/i.test(value)) return 'Images pasted as data cannot be saved in the page: upload the file to the site’s images and choose it.';
  if (!isSafeUrl(value)) return 'Use an address starting with https://, http:// or / (an image of this site).';
  return null;
}

interface ImageFieldsProps {
  /** Text before each label, such as "Card 2 image". */
  what?: string;
  attrs: Pick<ImageAttrs, 'src' | 'alt'>;
  onChange: (patch: Partial<ImageAttrs>) => void;
}

/** The image address (typed, suggested from the site's images, or chosen from the media library) and its description. */
export function ImageFields({ what = 'Image', attrs, onChange }: ImageFieldsProps) {
  const listId = useId();
  const openMediaPicker = useMediaPicker();
  const decorative = attrs.alt === '';
  return (
    <>
      <TextSetting
        label={`${what} address`}
        value={attrs.src}
        placeholder="/images/photo.png"
        listId={listId}
        help="A picture of this site, such as /images/photo.png, or a web address."
        onCommit={(value) => {
          const error = imageAddressError(value);
          if (error) return error;
          onChange({ src: value.trim() });
          return null;
        }}
      />
      <SiteImageList id={listId} />
      {openMediaPicker && (
        <div className="block-settings__row">
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void openMediaPicker().then((picked) => {
                if (!picked) return;
                // One change: the file, and its description when the library has one and the image has none.
                onChange(picked.alt && !attrs.alt ? { src: picked.src, alt: picked.alt } : { src: picked.src });
              })
            }
          >
            Choose from media
          </button>
        </div>
      )}
      <TextSetting
        label={`${what} description (alt text)`}
        value={attrs.alt ?? ''}
        required={!decorative}
        disabled={decorative}
        help={decorative ? 'Decorative images are skipped by screen readers.' : 'What the image shows, for people who cannot see it.'}
        error={!decorative && (attrs.alt === null || attrs.alt.trim() === '') ? 'Describe the image, or mark it as decorative.' : null}
        onCommit={(value) => onChange({ alt: value.trim() === '' ? null : value })}
      />
      <CheckSetting
        label="Decorative image (no description)"
        checked={decorative}
        onChange={(checked) => onChange({ alt: checked ? '' : null })}
      />
    </>
  );
}

/** Settings of an image: its file, description, width and link. */
export default function ImageSettings({ editor, node, pos }: BlockPanelProps) {
  const attrs = node.attrs as ImageAttrs & { href: string | null };
  const type = node.type.name;
  const update = (patch: Record<string, unknown>) => setAttrs(editor, pos, type, patch);
  const issues = imageIssues(attrs);

  return (
    <div className="block-settings" onKeyDown={onPanelKeyDown(editor)}>
      <IssueList issues={issues} />
      <ImageFields attrs={attrs} onChange={update} />
      <NumberSetting
        label="Width"
        unit="% of the content width"
        min={1}
        max={100}
        slider
        value={attrs.width}
        onCommit={(width) => update({ width })}
      />
      <TextSetting
        label="Link address"
        value={attrs.href ?? ''}
        placeholder="https:// or /page/"
        help="Optional: where a click on the image leads."
        onCommit={(value) => {
          const error = linkAddressError(value);
          if (error) return error;
          const href = value.trim();
          update(href === '' ? { href: null, target: null, rel: null } : { href });
          return null;
        }}
      />
      {attrs.href !== null && (
        <div className="block-settings__row">
          <button type="button" className="button button--small button--danger" onClick={() => update({ href: null, target: null, rel: null })}>
            Remove link
          </button>
        </div>
      )}
    </div>
  );
}
