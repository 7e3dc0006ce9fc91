import { useOpenPageStore } from '../store/openPageStore.ts';

/**
 * The title typed into the Page settings of the page at `path` when it is the open page, before it is
 * saved; null otherwise (the page list's title is then the one to show).
 */
export function useEditedTitle(path: string | null): string | null {
  return useOpenPageStore((s) => {
    if (path === null || s.path !== path) return null;
    const title: unknown = s.file?.frontMatter?.get('title');
    return typeof title === 'string' && title.trim() !== '' ? title : null;
  });
}
