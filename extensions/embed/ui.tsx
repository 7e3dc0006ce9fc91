import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import { IssueList, NumberSetting, onPanelKeyDown, setAttrs, TextSetting } from '../../src/editor/settingsControls.tsx';
import { siteEmbedConfigError } from '../../src/core/siteEmbedHosts.ts';
import { embedFromUrl, providerOf, type IframeAttributes } from './embedUrl.ts';

/** Settings of an embed: the address of the video, map or form, its title for screen readers, its size. */
export default function EmbedSettings({ editor, node, pos }: BlockPanelProps) {
  const iframe = node.attrs['iframe'] as IframeAttributes;
  const hasSource = typeof iframe['src'] === 'string' && iframe['src'] !== '';
  const configError = siteEmbedConfigError();
  const setIframe = (next: IframeAttributes) => setAttrs(editor, pos, 'embed', { iframe: next });
  const setOne = (name: string, value: string | null) => {
    const next: IframeAttributes = { ...iframe };
    if (value === null || value === '') delete next[name];
    else next[name] = value;
    setIframe(next);
  };
  const size = (name: 'width' | 'height') => {
    const value = parseInt(iframe[name] ?? '', 10);
    return Number.isFinite(value) ? value : null;
  };

  return (
    <div className="block-settings" onKeyDown={onPanelKeyDown(editor)}>
      <IssueList
        issues={[
          ...(!hasSource ? [{ level: 'warning' as const, message: 'This embed has no address yet: paste the address of a video, map or form.' }] : []),
          ...(hasSource && !iframe['title']?.trim() ? [{ level: 'warning' as const, message: 'Give the embed a title, so that screen reader users know what it is.' }] : []),
          ...(configError ? [{ level: 'error' as const, message: `The site's embed settings are not used: ${configError}` }] : []),
        ]}
      />
      <TextSetting
        label="Address of the video, map or form"
        value={iframe['src'] ?? ''}
        placeholder="https://www.youtube.com/watch?v=…"
        help="YouTube, Vimeo, Google Maps or FormSG. You can also paste the whole embed code."
        onCommit={(value) => {
          const result = embedFromUrl(value);
          if ('error' in result) return result.error;
          // Same kind of embed: only the address changes. Another kind: its own attributes.
          const sameKind = hasSource && providerOf(iframe['src'] ?? '') === result.provider;
          setIframe(sameKind ? { ...iframe, src: result.iframe['src']! } : { ...result.iframe, ...(iframe['title'] ? { title: iframe['title'] } : {}) });
          return null;
        }}
      />
      {hasSource && (
        <>
          <TextSetting
            label="Title"
            value={iframe['title'] ?? ''}
            help="Says what the embed is, for screen readers, e.g. “Video: planting day at the harbour”."
            onCommit={(value) => setOne('title', value.trim())}
          />
          <NumberSetting label="Width" unit="pixels" min={1} max={4000} value={size('width')} onCommit={(value) => setOne('width', String(value))} />
          <NumberSetting label="Height" unit="pixels" min={1} max={4000} value={size('height')} onCommit={(value) => setOne('height', String(value))} />
        </>
      )}
    </div>
  );
}
