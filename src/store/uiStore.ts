import { create } from 'zustand';

export type PanelTab = 'settings' | 'block';

export type DialogState =
  | { kind: 'link' }
  | { kind: 'preview' }
  | { kind: 'discardChanges'; nextPath: string }
  | null;

/** What the screen shows around the editor: the side panel's tab and the open dialog. */
export interface UiState {
  panelTab: PanelTab;
  dialog: DialogState;
  pageSearch: string;
  setPanelTab: (tab: PanelTab) => void;
  openDialog: (dialog: Exclude<DialogState, null>) => void;
  closeDialog: () => void;
  setPageSearch: (text: string) => void;
}

export const useUiStore = create<UiState>((set) => ({
  panelTab: 'settings',
  dialog: null,
  pageSearch: '',
  setPanelTab: (panelTab) => set({ panelTab }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setPageSearch: (pageSearch) => set({ pageSearch }),
}));
