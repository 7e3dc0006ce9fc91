import { create } from 'zustand';
import type { LinkingPage } from './linkUpdates.ts';

export type PanelTab = 'settings' | 'block';

export type DialogState =
  | { kind: 'link' }
  | { kind: 'preview' }
  | { kind: 'review' }
  | { kind: 'shortcuts' }
  /** `nextPath` null: going back to no page open. */
  | { kind: 'discardChanges'; nextPath: string | null }
  | { kind: 'newPage' }
  | { kind: 'renamePage' }
  | { kind: 'deletePage' }
  | { kind: 'trash' }
  | { kind: 'media' }
  | { kind: 'draftCompare' }
  | { kind: 'updateLinks'; from: string; to: string; pages: LinkingPage[] }
  | null;

/** What the media library's picker gives back: a root-relative URL and the alt text typed. */
export interface PickedMedia {
  src: string;
  alt?: string;
}

/** What the screen shows around the editor: the side panel's tab and the open dialog. */
export interface UiState {
  panelTab: PanelTab;
  dialog: DialogState;
  pageSearch: string;
  setPanelTab: (tab: PanelTab) => void;
  openDialog: (dialog: Exclude<DialogState, null>) => void;
  closeDialog: () => void;
  setPageSearch: (text: string) => void;
  /** The open media picker (shown above any dialog), with the answer it is waiting to give. */
  mediaPicker: { resolve: (picked: PickedMedia | null) => void } | null;
  /**
   * Opens the media library to choose an image (or upload one). Resolves with `{ src, alt }`, or
   * null when the person closes it without choosing. A second call answers the first with null.
   */
  openMediaPicker: () => Promise<PickedMedia | null>;
  /** Answers the open picker (the media library calls this). */
  closeMediaPicker: (picked: PickedMedia | null) => void;
}

export const useUiStore = create<UiState>((set, get) => ({
  // The Block tab first: the page settings (and their checks) load when that tab is opened or at save.
  panelTab: 'block',
  dialog: null,
  pageSearch: '',
  setPanelTab: (panelTab) => set({ panelTab }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setPageSearch: (pageSearch) => set({ pageSearch }),
  mediaPicker: null,
  openMediaPicker: () =>
    new Promise<PickedMedia | null>((resolve) => {
      get().mediaPicker?.resolve(null);
      set({ mediaPicker: { resolve } });
    }),
  closeMediaPicker: (picked) => {
    const picker = get().mediaPicker;
    set({ mediaPicker: null });
    picker?.resolve(picked);
  },
}));
