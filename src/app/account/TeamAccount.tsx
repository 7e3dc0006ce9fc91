import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { startTeamPresence } from '../../store/presenceStore.ts';
import './account.css';
import { PeopleScreen } from './PeopleScreen.tsx';
import ReviewArea from '../review/ReviewArea.tsx';
import { SetupScreen } from './SetupScreen.tsx';
import { SignInScreen } from './SignInScreen.tsx';
import { teamApi, type TeamUser } from './teamApi.ts';

const SETUP_PATH = '/account/setup';

/** Team mode around the app: setup link, sign-in, then the app with an account bar. */
export default function TeamAccount({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<TeamUser | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [showPeople, setShowPeople] = useState(false);
  const [onSetup, setOnSetup] = useState(() => window.location.pathname === SETUP_PATH);

  const refresh = useCallback(() => {
    teamApi.session().then(setUser, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(refresh, [refresh]);
  // Signed in: tell the others which page is open here, and learn where they are.
  const me = user?.email;
  useEffect(() => (me ? startTeamPresence(me) : undefined), [me]);

  const leaveSetup = () => {
    window.history.replaceState(null, '', '/');
    setOnSetup(false);
  };

  if (onSetup) return <SetupScreen onDone={leaveSetup} />;
  if (error) return <main className="account-screen"><p role="alert">The editor could not reach its server: {error}</p></main>;
  if (user === undefined) return null;
  if (user === null) return <SignInScreen onSignedIn={refresh} />;
  return (
    <>
      <div className="account-bar" aria-label="Your account">
        <span>
          Signed in as <strong>{user.name || user.email}</strong> ({user.role})
        </span>
        {user.role === 'admin' && (
          <button type="button" className="button" onClick={() => setShowPeople(true)}>
            People
          </button>
        )}
        <button type="button" className="button" onClick={() => void teamApi.signOut().finally(refresh)}>
          Sign out
        </button>
      </div>
      {showPeople && <PeopleScreen me={user} onClose={() => setShowPeople(false)} />}
      <ReviewArea me={user}>{children}</ReviewArea>
    </>
  );
}
