import { useState, type FormEvent } from 'react';
import { teamApi } from './teamApi.ts';

/** From a setup link (`admin create`, or an invite): choose a name and password, once. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  // The token is in the fragment so that it never reaches a server log.
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) return setError('The two passwords differ.');
    setBusy(true);
    setError(null);
    try {
      setDone((await teamApi.setup(token, name, password)).email);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <main className="account-screen">
        <h1>Your account is ready</h1>
        <p>Sign in as {done} with your new password.</p>
        <button type="button" className="button button--primary" onClick={onDone}>
          Go to sign-in
        </button>
      </main>
    );
  }
  return (
    <main className="account-screen">
      <h1>Set up your account</h1>
      {!token && <p role="alert">This link has no setup code: open the whole link from the message or the terminal.</p>}
      <form onSubmit={(e) => void submit(e)}>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
        </label>
        <label>
          Password (at least 12 characters)
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" minLength={12} required />
        </label>
        <label>
          Password again
          <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" minLength={12} required />
        </label>
        {error && <p role="alert" className="account-error">{error}</p>}
        <button type="submit" className="button button--primary" disabled={busy || !token}>
          Save password
        </button>
      </form>
    </main>
  );
}
