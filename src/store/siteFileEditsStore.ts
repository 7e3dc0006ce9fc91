import { create } from 'zustand';
import type { SiteFileName } from '../storage/siteApi.ts';
import { useStorageStore } from '../storage/siteStorage.ts';

/**
 * The site data files (navigation, footer, settings) as their screens read and edited them. Kept here
 * rather than in the screen, so unsaved edits survive moving to another screen or page and back, and
 * the preview of any page can show them.
 */
export interface SiteFileEdit {
  /** The text as read or last saved. */
  original: string;
  /** The text with the edits made since. */
  text: string;
  /** The version read (null: the file does not exist yet). */
  etag: string | null;
}

interface SiteFileEditsState {
  files: Partial<Record<SiteFileName, SiteFileEdit>>;
  put: (name: SiteFileName, edit: SiteFileEdit) => void;
}

export const useSiteFileEditsStore = create<SiteFileEditsState>((set) => ({
  files: {},
  put: (name, edit) => set((state) => ({ files: { ...state.files, [name]: edit } })),
}));

export const isUnsavedEdit = (edit: SiteFileEdit | undefined): boolean => edit !== undefined && edit.text !== edit.original;

/** The site files with unsaved edits. */
export function unsavedSiteFiles(): SiteFileName[] {
  const { files } = useSiteFileEditsStore.getState();
  return (Object.keys(files) as SiteFileName[]).filter((name) => isUnsavedEdit(files[name]));
}

// Another site opened: the edits were of the previous one's files.
useStorageStore.subscribe((state, previous) => {
  if (state.storage !== previous.storage) useSiteFileEditsStore.setState({ files: {} });
});
