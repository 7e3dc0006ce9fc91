import { lazy, Suspense, type ReactNode } from 'react';

/** The team server marks its pages with this meta tag; the single-person server does not. */
export function isTeamMode(): boolean {
  return document.querySelector('meta[name="isomer-editor-mode"]')?.getAttribute('content') === 'team';
}

// Loaded only in team mode, so single-person mode's first load stays as it was.
const TeamAccount = lazy(() => import('./TeamAccount.tsx'));

/** In team mode, shows sign-in (or account setup) until there is a session; otherwise just the app. */
export function TeamGate({ children }: { children: ReactNode }) {
  if (!isTeamMode()) return children;
  return (
    <Suspense fallback={null}>
      <TeamAccount>{children}</TeamAccount>
    </Suspense>
  );
}
