import { useState } from 'react';
import { useUiStore } from '../../store/uiStore.ts';
import {
  DROPDOWN_RULES,
  insertItem,
  moveItem,
  newSection,
  readHomepage,
  removeItem,
  SECTION_RULES,
  SECTION_TYPES,
  setIn,
  sourceText,
  type SectionType,
  type SectionView,
  type YamlPath,
} from '../../site/homepage.ts';
import { heroMode, setHeroMode, type HeroMode } from '../../site/heroMode.ts';
import { heroLayout, homepageBands } from '../../site/homepageBands.ts';
import { ItemButtons, ReorderStatus, SelectField, SiteFrontMatterProvider, TextField, useDragReorder, useSiteFrontMatter, valueAt } from './siteFields.tsx';
import './siteLayout.css';

const SECTION_LABELS: Record<SectionType, string> = {
  hero: 'Hero',
  infobar: 'Infobar',
  infopic: 'Infopic',
  textcards: 'Text cards',
  infocols: 'Info columns',
  announcements: 'Announcements',
  resources: 'Resources',
};

// The keys each section type's screen edits; others are kept and shown as YAML.
const EDITED_KEYS: Record<SectionType, string[]> = {
  hero: ['title', 'subtitle', 'background', 'button', 'url', 'dropdown', 'key_highlights', 'variant', 'size', 'alignment', 'backgroundColor', 'id'],
  infobar: ['subtitle', 'title', 'description', 'button', 'url', 'id'],
  infopic: ['subtitle', 'title', 'description', 'button', 'url', 'image', 'alt', 'id'],
  resources: ['subtitle', 'title', 'button', 'id'],
  announcements: ['subtitle', 'title', 'announcement_items', 'id'],
  textcards: ['title', 'subtitle', 'description', 'cards', 'id'],
  infocols: ['title', 'subtitle', 'linktext', 'url', 'infoboxes', 'id'],
};

/** The homepage as the site shows it, each text edited where it shows. */
export default function HomepageEditor() {
  return (
    <SiteFrontMatterProvider layout="homepage">
      <HomepageCanvas />
    </SiteFrontMatterProvider>
  );
}

function HomepageCanvas() {
  const { data, edit } = useSiteFrontMatter();
  const view = readHomepage(data);
  const [adding, setAdding] = useState<SectionType>('infobar');
  const hasHero = view.sections.some((s) => s.type === 'hero');
  const heroFirst = view.sections[0]?.type === 'hero';
  const count = view.sections.length;
  // The same bands as the preview draws, so the canvas and the site agree.
  const bands = homepageBands(view.sections);

  const move = (from: number, to: number) => edit((text) => moveItem(text, ['sections'], from, to));
  const reorder = useDragReorder((_list, from, to) => move(from, to));
  // The hero stays on top: nothing moves above it.
  const first = heroFirst ? 1 : 0;

  return (
    <div className="site-canvas" aria-label="Homepage">
      <p className="site-canvas__help">
        This is the homepage as the site shows it. Click a text to change it; limits are counted as you type. Drag a section by its bar, or
        use the arrows, to move it.
      </p>
      <div className="site-notification">
        <TextField path={['notification']} label="Notification bar (shown above the hero on the homepage only; leave empty for none)" className="site-notification__input" multiline />
      </div>
      {view.sections.map((section, i) => {
        const { shade, imageFirst } = bands[i]!;
        const label = section.type && section.known ? SECTION_LABELS[section.type as SectionType] : `Section "${section.type ?? '?'}"`;
        return (
          <section
            key={section.index}
            className={`site-section site-section--${shade} ${reorder.isDragged('sections', section.index) ? 'site-section--dragged' : ''}`}
            aria-label={`${label} (section ${section.index + 1} of ${count})`}
            data-section-type={section.type ?? ''}
            {...reorder.dropProps('sections', section.index, count, first)}
          >
            <div className="site-section__bar" {...(section.index >= first ? reorder.dragProps('sections', section.index, label) : {})}>
              {section.index >= first ? (
                <span className="site-section__handle" {...reorder.handleProps('sections', section.index, count, `section ${section.index + 1} (${label})`, first)}>
                  ⠿
                </span>
              ) : (
                <span className="site-section__handle" aria-hidden="true">
                  ⠿
                </span>
              )}
              <span className="site-section__label">{label}</span>
              {section.type === 'hero' && section.index === 0 ? (
                <span className="site-section__pinned">Always first</span>
              ) : (
                <ItemButtons
                  index={section.index}
                  count={count}
                  first={heroFirst ? 1 : 0}
                  label={`section ${section.index + 1} (${label})`}
                  onMove={(to) => move(section.index, to)}
                  onRemove={() => edit((text) => removeItem(text, ['sections'], section.index))}
                />
              )}
            </div>
            <SectionBody section={section} imageFirst={imageFirst} />
          </section>
        );
      })}
      <ReorderStatus text={reorder.announcement} />
      <div className="site-add">
        <label htmlFor="site-add-section">Add a section</label>{' '}
        <select id="site-add-section" value={adding} onChange={(e) => setAdding(e.target.value as SectionType)}>
          {SECTION_TYPES.filter((t) => t !== 'hero' || !hasHero).map((t) => (
            <option key={t} value={t}>
              {SECTION_LABELS[t]}
            </option>
          ))}
        </select>{' '}
        <button type="button" onClick={() => edit((text) => insertItem(text, ['sections'], count, newSection(adding)))}>
          Add section
        </button>
      </div>
    </div>
  );
}

function SectionBody({ section, imageFirst }: { section: SectionView; imageFirst: boolean }) {
  const { text } = useSiteFrontMatter();
  if (!section.known || !section.type) {
    return (
      <div className="site-unknown">
        <p>This editor does not know this kind of section. It is kept as it is; change it in Page settings, "Advanced: YAML".</p>
        <pre>{sourceText(text, ['sections', section.index])}</pre>
      </div>
    );
  }
  const type = section.type as SectionType;
  const path = ['sections', section.index, type];
  const rules = SECTION_RULES[type].fields;
  const field = (key: string, label: string, extra: { multiline?: boolean; className?: string } = {}) => (
    <TextField path={[...path, key]} label={label} max={rules[key]?.max} required={rules[key]?.required} {...extra} />
  );
  const unknownKeys = Object.keys(section.fields).filter((k) => !EDITED_KEYS[type].includes(k));
  const kept = unknownKeys.length > 0 && (
    <div className="site-unknown">
      <p>Kept as written (not edited here): {unknownKeys.join(', ')}</p>
      <pre>{unknownKeys.map((k) => sourceText(text, [...path, k])).join('\n')}</pre>
    </div>
  );
  switch (type) {
    case 'hero':
      return (
        <>
          <Hero path={path} />
          {kept}
        </>
      );
    case 'infopic':
      return (
        <div className={`site-infopic ${imageFirst ? 'site-infopic--image-first' : ''}`}>
          <div className="site-infopic__text">
            {field('subtitle', 'Subtitle', { className: 'site-text--subtitle' })}
            {field('title', 'Title', { className: 'site-text--title' })}
            {field('description', 'Description', { multiline: true })}
            <ButtonFields path={path} />
          </div>
          <ImageField path={path} imageKey="image" altKey="alt" altMax={rules['alt']?.max} />
          {kept}
        </div>
      );
    default:
      return (
        <div className="site-block">
          {'subtitle' in rules && field('subtitle', 'Subtitle', { className: 'site-text--subtitle' })}
          {field('title', 'Title', { className: 'site-text--title' })}
          {'description' in rules && field('description', 'Description', { multiline: true })}
          {(type === 'infobar' || type === 'resources') && <ButtonFields path={path} noUrl={type === 'resources'} />}
          {type === 'infocols' && (
            <span className="site-row">
              {field('linktext', 'Link text')}
              <TextField path={[...path, 'url']} label="Link address" />
            </span>
          )}
          <ListItems path={path} type={type} />
          {kept}
        </div>
      );
  }
}

function ButtonFields({ path, noUrl }: { path: YamlPath; noUrl?: boolean }) {
  return (
    <span className="site-row site-button-fields">
      <TextField path={[...path, 'button']} label="Button text" max={30} className="site-text--button" />
      {!noUrl && <TextField path={[...path, 'url']} label="Button link" placeholder="/page/ or https://…" />}
    </span>
  );
}

function ImageField({ path, imageKey, altKey, altMax }: { path: YamlPath; imageKey: string; altKey?: string; altMax?: number }) {
  const { data, edit } = useSiteFrontMatter();
  const src = valueAt(data, [...path, imageKey]);
  const choose = async () => {
    const picked = await useUiStore.getState().openMediaPicker();
    if (!picked) return;
    edit((text) => {
      const withImage = setIn(text, [...path, imageKey], picked.src);
      return withImage && altKey && picked.alt ? setIn(withImage, [...path, altKey], picked.alt) : withImage;
    });
  };
  return (
    <div className="site-image">
      {typeof src === 'string' && src.startsWith('/') && !src.startsWith('//') ? <img src={src} alt="" className="site-image__img" /> : <p className="site-image__none">No image</p>}
      <button type="button" onClick={() => void choose()}>
        {src ? 'Change image' : 'Choose image'}
      </button>
      <TextField path={[...path, imageKey]} label="Image address" />
      {altKey && <TextField path={[...path, altKey]} label="Alt text (what the image shows)" max={altMax} />}
    </div>
  );
}

function Hero({ path }: { path: YamlPath }) {
  const { data } = useSiteFrontMatter();
  const hero = valueAt(data, path) as Record<string, unknown> | undefined;
  const background = hero?.['background'];
  const { variant, boxed, size, alignment, colour } = heroLayout(hero ?? {});
  const box = boxed ? `site-hero__box site-hero__box--${colour} site-hero__box--${alignment} site-hero__box--${size}` : 'site-hero__box';
  return (
    <div className={`site-hero site-hero--${variant}`}>
      {typeof background === 'string' && background.startsWith('/') && !background.startsWith('//') && (
        <img className="site-hero__background" src={background} alt="" />
      )}
      {variant === 'image' ? (
        <p className="site-hero__note">This layout shows the picture and the key highlights only: the title, subtitle and button or dropdown are kept but not shown.</p>
      ) : (
        <div className={box}>
          <TextField path={[...path, 'title']} label="Hero title" max={60} className="site-text--hero-title" />
          <TextField path={[...path, 'subtitle']} label="Hero subtitle" max={160} multiline />
          {heroMode(hero ?? {}) === 'dropdown' ? <DropdownFields path={path} /> : <ButtonFields path={path} />}
        </div>
      )}
      <div className="site-hero__settings">
        {variant !== 'image' && <HeroModeChoice path={path} hero={hero ?? {}} />}
        <ImageField path={path} imageKey="background" />
        <span className="site-row">
          <SelectField path={[...path, 'variant']} label="Layout" options={['center', 'side', 'floating', 'image']} fallback="center" />
          {boxed && (
            <>
              <SelectField path={[...path, 'size']} label="Text box size" options={['md', 'sm']} fallback="md" />
              <SelectField path={[...path, 'alignment']} label="Text box side" options={['left', 'right']} fallback="left" />
              <SelectField path={[...path, 'backgroundColor']} label="Text box colour" options={['white', 'black', 'gray']} fallback="white" />
            </>
          )}
        </span>
      </div>
      <ListItems path={path} type="hero" />
    </div>
  );
}

/** Button or dropdown: switching says what the other mode had and is undone like any edit. */
function HeroModeChoice({ path, hero }: { path: YamlPath; hero: Record<string, unknown> }) {
  const { edit } = useSiteFrontMatter();
  const [removed, setRemoved] = useState<string[]>([]);
  const mode = heroMode(hero);
  const choose = (next: HeroMode) =>
    edit((text) => {
      const change = setHeroMode(text, path, hero, next);
      setRemoved(change.removed);
      return change.text;
    });
  return (
    <fieldset className="site-hero__mode">
      <legend>Under the hero text</legend>
      {(['button', 'dropdown'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="site-hero-mode" value={m} checked={mode === m} onChange={() => choose(m)} /> {m === 'button' ? 'A button' : 'A dropdown of links'}
        </label>
      ))}
      {removed.length > 0 && (
        <p className="site-hero__note" role="status">
          Removed {removed.join(' and ')}. Undo brings it back.
        </p>
      )}
    </fieldset>
  );
}

/** The hero's dropdown ("I want to…"): its title and its options, each a title and a link. */
function DropdownFields({ path }: { path: YamlPath }) {
  const { data, edit } = useSiteFrontMatter();
  const dropdownPath = [...path, 'dropdown'];
  const optionsPath = [...dropdownPath, 'options'];
  const options = valueAt(data, optionsPath);
  const entries = Array.isArray(options) ? options : [];
  return (
    <div className="site-dropdown">
      <TextField path={[...dropdownPath, 'title']} label="Dropdown title" max={DROPDOWN_RULES.title.max} placeholder="I want to…" className="site-text--button" />
      {entries.map((_, i) => (
        <div className="site-list__item site-row" key={i} role="group" aria-label={`Dropdown option ${i + 1}`}>
          <ItemButtons
            index={i}
            count={entries.length}
            label={`dropdown option ${i + 1}`}
            onMove={(to) => edit((text) => moveItem(text, optionsPath, i, to))}
            onRemove={entries.length > 1 ? () => edit((text) => removeItem(text, optionsPath, i)) : undefined}
          />
          <TextField path={[...optionsPath, i, 'title']} label="Option" max={DROPDOWN_RULES.options.title.max} required />
          <TextField path={[...optionsPath, i, 'url']} label="Option link" required placeholder="/page/ or https://…" />
        </div>
      ))}
      <button type="button" className="site-list__add" onClick={() => edit((text) => insertItem(text, optionsPath, entries.length, { title: 'Option', url: '/' }))}>
        Add option
      </button>
    </div>
  );
}

const ITEM_FIELDS: Partial<Record<SectionType, { label: string; fields: [string, string, boolean?][] }>> = {
  hero: { label: 'Key highlight', fields: [['title', 'Title'], ['description', 'Description'], ['url', 'Link']] },
  announcements: {
    label: 'Announcement',
    fields: [['title', 'Title'], ['date', 'Date'], ['announcement', 'Announcement', true], ['link_text', 'Link text'], ['link_url', 'Link address']],
  },
  textcards: { label: 'Card', fields: [['title', 'Title'], ['description', 'Description', true], ['linktext', 'Link text'], ['url', 'Link address']] },
  infocols: { label: 'Column', fields: [['title', 'Title'], ['description', 'Description', true]] },
};

/** The list of a section (key highlights, cards, columns, announcements): each item edited in place. */
function ListItems({ path, type }: { path: YamlPath; type: SectionType }) {
  const { data, edit } = useSiteFrontMatter();
  const list = SECTION_RULES[type].list;
  const shape = ITEM_FIELDS[type];
  if (!list || !shape) return null;
  const listPath = [...path, list.key];
  const items = valueAt(data, listPath);
  const entries = Array.isArray(items) ? items : [];
  const blank = Object.fromEntries(shape.fields.map(([key, label]) => [key, key === 'url' || key.endsWith('_url') ? '/' : label]));
  return (
    <div className={`site-list site-list--${type}`}>
      {entries.map((_, i) => (
        <div className="site-list__item" key={i} aria-label={`${shape.label} ${i + 1}`} role="group">
          <ItemButtons
            index={i}
            count={entries.length}
            label={`${shape.label.toLowerCase()} ${i + 1}`}
            onMove={(to) => edit((text) => moveItem(text, listPath, i, to))}
            onRemove={entries.length > (list.min ?? 0) ? () => edit((text) => (entries.length === 1 ? setIn(text, listPath, undefined) : removeItem(text, listPath, i))) : undefined}
          />
          {shape.fields.map(([key, label, multiline]) => (
            <TextField key={key} path={[...listPath, i, key]} label={label} max={list.fields[key]?.max} required={list.fields[key]?.required} multiline={multiline} />
          ))}
        </div>
      ))}
      {entries.length < list.max && (
        <button type="button" className="site-list__add" onClick={() => edit((text) => insertItem(text, listPath, entries.length, blank))}>
          Add {shape.label.toLowerCase()}
        </button>
      )}
    </div>
  );
}
