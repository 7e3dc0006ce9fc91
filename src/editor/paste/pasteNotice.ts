import { create } from 'zustand';

/** The message shown after a paste lost something the user must add another way (images). */
export interface PasteNoticeState {
  message: string | null;
  show: (message: string) => void;
  dismiss: () => void;
}

export const usePasteNoticeStore = create<PasteNoticeState>((set) => ({
  message: null,
  show: (message) => set({ message }),
  dismiss: () => set({ message: null }),
}));

export function imagesLeftOutMessage(count: number): string {
  const what = count === 1 ? 'An image in what you pasted was' : `${count} images in what you pasted were`;
  return `${what} not added. Upload the image to the site's media library, then insert it with the Image button.`;
}
