import { useEffect, useState } from 'react';

/**
 * True two frames after `value` became what it is (and not null): by then the frame showing it has
 * painted. Parts of the screen that are not needed to show an opened page (toolbar, menus, notices)
 * wait for it, so their code loads after the page is on screen rather than before.
 */
export function usePaintedAfter(value: unknown): boolean {
  const [painted, setPainted] = useState<unknown>(null);
  useEffect(() => {
    if (value === null || value === undefined) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setPainted(value));
    });
    return () => cancelAnimationFrame(frame);
  }, [value]);
  return value !== null && value !== undefined && painted === value;
}
