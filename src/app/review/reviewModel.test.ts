import { describe, expect, it } from 'vitest';
import { blockRows, changeIndexes, fileKind, pageSettingChanges, wordDiff } from './reviewModel.ts';

describe('review screen model', () => {
  it('marks blocks added, removed, moved and changed, in the changed page order with its indexes', () => {
    const rows = blockRows(['Title', 'Old intro here', 'Opening hours', 'Rules', 'Fees'], ['Fees', 'Title', 'New intro here', 'Opening hours', 'Rules', 'Contact']);
    expect(rows.map((r) => [r.kind, r.index, r.after ?? r.before])).toEqual([
      ['moved', 0, 'Fees'],
      ['same', 1, 'Title'],
      ['changed', 2, 'New intro here'],
      ['same', 3, 'Opening hours'],
      ['same', 4, 'Rules'],
      ['added', 5, 'Contact'],
    ]);
    expect(rows[2]!.words).toEqual([
      { type: 'removed', text: 'Old' },
      { type: 'added', text: 'New' },
      { type: 'same', text: ' intro here' },
    ]);
    expect(changeIndexes(rows)).toEqual([0, 2, 5]);
    expect(blockRows(['Gone'], [])).toEqual([{ kind: 'removed', index: null, before: 'Gone', after: null }]);
    expect(blockRows(null, ['New page'])).toEqual([{ kind: 'added', index: 0, before: null, after: 'New page' }]);
  });

  it('shows the words inserted and deleted inside a text', () => {
    expect(wordDiff('We look after the parks.', 'We look after six parks.')).toEqual([
      { type: 'same', text: 'We look after ' },
      { type: 'removed', text: 'the' },
      { type: 'added', text: 'six' },
      { type: 'same', text: ' parks.' },
    ]);
  });

  it('tables the page settings that changed, before and now', () => {
    expect(pageSettingChanges('---\ntitle: Parks\npermalink: /parks/\n---\nx', '---\ntitle: Our parks\npermalink: /parks/\ndescription: All of them\n---\nx')).toEqual([
      { key: 'title', before: 'Parks', after: 'Our parks' },
      { key: 'description', before: '(not set)', after: 'All of them' },
    ]);
    expect(fileKind('_data/navigation.yml')).toBe('Navigation');
    expect(fileKind('_about/Lakes.md')).toBe('Page');
  });
});
