import { useUiStore } from '../../store/uiStore.ts';

/** Opens the media library (upload or choose) and hands the chosen image's address to `onChoose`. */
export function ChooseImageButton({ label, onChoose }: { label: string; onChoose: (src: string) => void }) {
  const choose = async () => {
    const picked = await useUiStore.getState().openMediaPicker();
    if (picked) onChoose(picked.src);
  };
  return (
    <button type="button" className="button" onClick={() => void choose()} aria-label={`Choose ${label} from the media library`}>
      Media library…
    </button>
  );
}
