import { describe, expect, it } from 'vitest';
import { presenceNote } from '../app/PageListGroup.tsx';
import { presenceFrom } from './presenceStore.ts';

describe('who is where', () => {
  it('lists the others editing each page and the other change sets that change it, not me', () => {
    const state = presenceFrom(
      'me@a.gov.sg',
      {
        editing: [
          { path: 'pages/a.md', email: 'me@a.gov.sg', name: 'Me' },
          { path: 'pages/a.md', email: 'ann@a.gov.sg', name: 'Ann' },
          { path: 'pages/b.md', email: 'bob@a.gov.sg', name: '' },
        ],
      },
      {
        changeSets: [
          { owner: { name: 'Me', email: 'me@a.gov.sg' }, changed: ['pages/a.md'] },
          { owner: { name: 'Cy', email: 'cy@a.gov.sg' }, changed: ['pages/a.md', 'index.md'] },
        ],
      },
    );
    expect(state).toEqual({ editing: { 'pages/a.md': ['Ann'], 'pages/b.md': ['bob@a.gov.sg'] }, changedBy: { 'pages/a.md': ['Cy'], 'index.md': ['Cy'] } });
    expect(presenceNote(state.editing['pages/a.md'], state.changedBy['pages/a.md'])).toBe('Ann is editing now; changed in the change set of Cy');
    expect(presenceNote(['Ann', 'Bob'], undefined)).toBe('Ann, Bob are editing now');
    expect(presenceNote(undefined, [])).toBeNull();
  });
});
