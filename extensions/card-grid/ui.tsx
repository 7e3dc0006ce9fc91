import type { Editor } from '@tiptap/core';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { useMemo, useState } from 'react';
import type { BlockPanelProps } from '../../src/editor/blockPanelProps.ts';
import { applyChange, CheckSetting, IssueList, nodeAt, onPanelKeyDown, TextSetting } from '../../src/editor/settingsControls.tsx';
import { ImageFields, linkAddressError } from '../image/ui.tsx';
import type { ImageAttrs } from '../image/schema.ts';
import { cardGridIssues, MAX_CARDS, type CardGridIssue } from './schema.ts';
import { useEditorValue } from '../../src/editor/useEditorValue.ts';

const CARD_REL = 'noopener noreferrer nofollow';
const PARTS = [
  { type: 'cardTitle', label: 'title', text: 'Card title' },
  { type: 'cardDescription', label: 'description', text: 'A sentence or two about this card.' },
  { type: 'cardLink', label: 'link text', text: 'Read more' },
] as const;

interface CardInfo {
  node: PMNode;
  pos: number;
  image: { node: PMNode; pos: number } | null;
  body: { node: PMNode; pos: number } | null;
}

function cardsOf(grid: PMNode, gridPos: number): CardInfo[] {
  const cards: CardInfo[] = [];
  grid.forEach((card, offset) => {
    const pos = gridPos + 1 + offset;
    let image: CardInfo['image'] = null;
    let body: CardInfo['body'] = null;
    card.forEach((child, childOffset) => {
      const at = pos + 1 + childOffset;
      if (child.type.name === 'cardImage') image = { node: child, pos: at };
      if (child.type.name === 'cardBody') body = { node: child, pos: at };
    });
    cards.push({ node: card, pos, image, body });
  });
  return cards;
}

/** Replaces the grid's cards with `cards` as one step (reordering, adding, removing). */
function setCards(editor: Editor, pos: number, cards: PMNode[]): void {
  const grid = nodeAt(editor, pos, 'cardGrid');
  if (!grid || cards.length === 0) return;
  applyChange(editor, (tr) => {
    tr.replaceWith(pos + 1, pos + grid.nodeSize - 1, Fragment.fromArray(cards));
  });
}

function gridCards(editor: Editor, pos: number): PMNode[] {
  const grid = nodeAt(editor, pos, 'cardGrid');
  const cards: PMNode[] = [];
  grid?.forEach((card) => cards.push(card));
  return cards;
}

function moveCard(editor: Editor, pos: number, from: number, to: number): void {
  const cards = gridCards(editor, pos);
  if (from === to || from < 0 || to < 0 || from >= cards.length || to >= cards.length) return;
  const [card] = cards.splice(from, 1);
  cards.splice(to, 0, card!);
  setCards(editor, pos, cards);
}

/** The description texts of the grid as it was opened, to tell edited cards from untouched ones. */
function originalDescriptions(grid: PMNode): string[] | null {
  const source = grid.attrs['source'] as string | null | undefined;
  if (!source || typeof DOMParser === 'undefined') return null;
  const doc = new DOMParser().parseFromString(`<body>${source}</body>`, 'text/html');
  return Array.from(doc.querySelectorAll('.isomer-card')).map((card) => card.querySelector('.isomer-card-description')?.textContent ?? '');
}

/** The grid's problems: a description over the limit is a warning on the page as opened, an error once that card is edited. */
function issuesOf(grid: PMNode): CardGridIssue[] {
  const lenient = cardGridIssues(grid);
  const strict = cardGridIssues(grid, { descriptionLimitIsError: true });
  const original = originalDescriptions(grid);
  return strict.map((issue, i) => {
    if (issue.card === undefined || original === null) return issue;
    const card = grid.maybeChild(issue.card);
    let description = '';
    card?.forEach((part) => part.forEach((text) => {
      if (text.type.name === 'cardDescription') description = text.textContent;
    }));
    const edited = original[issue.card] !== description;
    return edited ? issue : (lenient[i] ?? issue);
  });
}

function cardTitle(card: PMNode, index: number): string {
  let text = '';
  card.descendants((child) => {
    if (text === '' && child.isTextblock && child.textContent.trim() !== '') text = child.textContent.trim();
    return text === '';
  });
  return `Card ${index + 1}${text ? `: ${text}` : ''}`;
}

/** The index of the card holding the editor's selection, or -1. */
function useCurrentCard(editor: Editor, gridPos: number): number {
  return useEditorValue(
    editor,
    (e) => {
      const { $from } = e.state.selection;
      for (let depth = $from.depth; depth >= 1; depth--) {
        if ($from.node(depth).type.name === 'card' && $from.before(depth - 1) === gridPos) return $from.index(depth - 1);
      }
      return -1;
    },
  );
}

/**
 * Settings of a card grid: the cards' order, links and images. Titles, descriptions and link text are
 * typed in the page itself.
 */
export default function CardGridSettings({ editor, node, pos }: BlockPanelProps) {
  const cards = useMemo(() => cardsOf(node, pos), [node, pos]);
  const issues = useMemo(() => issuesOf(node), [node]);
  const current = useCurrentCard(editor, pos);
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);

  const setCardAttrs = (card: CardInfo, patch: Record<string, unknown>) =>
    applyChange(editor, (tr) => {
      const fresh = nodeAt(editor, card.pos, 'card');
      if (!fresh) return false;
      tr.setNodeMarkup(card.pos, undefined, { ...fresh.attrs, ...patch });
      return true;
    });

  const setImageAttrs = (card: CardInfo, patch: Partial<ImageAttrs>) =>
    applyChange(editor, (tr) => {
      if (!card.image) return false;
      const fresh = nodeAt(editor, card.image.pos, 'cardImage');
      if (!fresh) return false;
      tr.setNodeMarkup(card.image.pos, undefined, { ...fresh.attrs, ...patch });
      return true;
    });

  const addImage = (card: CardInfo) =>
    applyChange(editor, (tr) => {
      const type = editor.schema.nodes['cardImage'];
      if (!type || card.image) return false;
      tr.insert(card.pos + 1, type.create({ src: '', alt: null }));
      return true;
    });

  const removeImage = (card: CardInfo) =>
    applyChange(editor, (tr) => {
      if (!card.image) return false;
      tr.delete(card.image.pos, card.image.pos + card.image.node.nodeSize);
      return true;
    });

  const addPart = (card: CardInfo, type: string, text: string) =>
    applyChange(editor, (tr) => {
      if (!card.body) return false;
      const order = PARTS.map((p) => p.type);
      const wanted = order.indexOf(type as (typeof order)[number]);
      // After the parts that come before it (title, description, link text, in that order).
      let at = card.body.pos + 1;
      card.body.node.forEach((child, offset) => {
        if (order.indexOf(child.type.name as (typeof order)[number]) < wanted) at = card.body!.pos + 1 + offset + child.nodeSize;
      });
      tr.insert(at, editor.schema.nodes[type]!.create(null, editor.schema.text(text)));
      return true;
    });

  const addCard = () => {
    const all = gridCards(editor, pos);
    const text = (type: string, words: string) => editor.schema.nodes[type]!.create(null, editor.schema.text(words));
    const card = editor.schema.nodes['card']!.create(null, [
      editor.schema.nodes['cardBody']!.create(null, [text('cardTitle', `Card title ${all.length + 1}`), text('cardDescription', 'A sentence or two about this card.')]),
    ]);
    setCards(editor, pos, [...all, card]);
  };

  const removeCard = (index: number) => {
    const all = gridCards(editor, pos);
    if (all.length <= 1) return;
    all.splice(index, 1);
    setCards(editor, pos, all);
  };

  return (
    <div className="block-settings" onKeyDown={onPanelKeyDown(editor)}>
      <p className="block-settings__note">Type each card’s title, description and link text in the page. Here you set links, pictures and the order.</p>
      <IssueList issues={issues} label="Problems with this card grid" />
      <ol className="block-list" aria-label="Cards">
        {cards.map((card, index) => {
          const clickable = Boolean(card.node.attrs['clickable']);
          const href = (card.node.attrs['href'] as string | null) ?? '';
          const name = `Card ${index + 1}`;
          const present = new Set<string>();
          card.body?.node.forEach((child) => present.add(child.type.name));
          return (
            <li
              key={index}
              className={`block-list__item${index === current ? ' is-current' : ''}${dropTarget === index ? ' is-drop-target' : ''}`}
              aria-current={index === current ? 'true' : undefined}
              onDragOver={(event) => {
                if (dragging === null) return;
                event.preventDefault();
                setDropTarget(index);
              }}
              onDragLeave={() => setDropTarget((t) => (t === index ? null : t))}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging !== null) moveCard(editor, pos, dragging, index);
                setDragging(null);
                setDropTarget(null);
              }}
            >
              <div className="block-list__header">
                <span
                  className="block-list__grip"
                  draggable
                  title="Drag to move this card"
                  aria-hidden="true"
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', String(index));
                    setDragging(index);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setDropTarget(null);
                  }}
                >
                  ⠿
                </span>
                <h3 className="block-list__title">{cardTitle(card.node, index)}</h3>
              </div>
              <div className="block-settings__row">
                <button type="button" className="button button--small" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => moveCard(editor, pos, index, index - 1)}>
                  ↑ Up
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Move ${name} down`}
                  disabled={index === cards.length - 1}
                  onClick={() => moveCard(editor, pos, index, index + 1)}
                >
                  ↓ Down
                </button>
                <button type="button" className="button button--small button--danger" aria-label={`Remove ${name}`} disabled={cards.length <= 1} onClick={() => removeCard(index)}>
                  Remove
                </button>
              </div>
              <CheckSetting
                label={`${name} is a link (the whole card is clickable)`}
                checked={clickable}
                onChange={(checked) => setCardAttrs(card, checked ? { clickable: true, rel: card.node.attrs['rel'] ?? CARD_REL } : { clickable: false })}
              />
              {clickable && (
                <TextSetting
                  label={`${name} link address`}
                  value={href}
                  required
                  placeholder="https:// or /page/"
                  error={href.trim() === '' ? 'A clickable card needs a link address.' : null}
                  onCommit={(value) => {
                    const error = linkAddressError(value);
                    if (error) return error;
                    setCardAttrs(card, { href: value.trim() });
                    return null;
                  }}
                />
              )}
              {PARTS.some((p) => !present.has(p.type)) && (
                <div className="block-settings__row">
                  {PARTS.filter((p) => !present.has(p.type)).map((p) => (
                    <button key={p.type} type="button" className="button button--small" aria-label={`Add ${p.label} to ${name}`} onClick={() => addPart(card, p.type, p.text)}>
                      Add {p.label}
                    </button>
                  ))}
                </div>
              )}
              {card.image ? (
                <fieldset>
                  <legend>{name} picture</legend>
                  <ImageFields what={`${name} image`} attrs={card.image.node.attrs as ImageAttrs} onChange={(patch) => setImageAttrs(card, patch)} />
                  <div className="block-settings__row">
                    <button type="button" className="button button--small button--danger" aria-label={`Remove image of ${name}`} onClick={() => removeImage(card)}>
                      Remove image
                    </button>
                  </div>
                </fieldset>
              ) : (
                <div className="block-settings__row">
                  <button type="button" className="button button--small" aria-label={`Add image to ${name}`} onClick={() => addImage(card)}>
                    Add image
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="block-settings__row">
        <button type="button" className="button" disabled={cards.length >= MAX_CARDS} onClick={addCard}>
          Add card
        </button>
        {cards.length >= MAX_CARDS && <span className="block-settings__note">A card grid holds at most {MAX_CARDS} cards.</span>}
      </div>
    </div>
  );
}
