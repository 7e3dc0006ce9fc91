import { useState, type FormEvent } from 'react';
import { teamApi } from './teamApi.ts';

/** Sign in with a password, or with a code sent by email (as Isomer's own sign-in works). */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const [method, setMethod] = useState<'password' | 'code'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      after();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (method === 'password') void run(() => teamApi.signInWithPassword(email, password), onSignedIn);
    else if (!codeSent) void run(() => teamApi.sendCode(email), () => setCodeSent(true));
    else void run(() => teamApi.signInWithCode(email, code.trim()), onSignedIn);
  };

  return (
    <main className="account-screen">
      <h1>Sign in to edit the site</h1>
      <div role="radiogroup" aria-label="How to sign in" className="account-methods">
        <label>
          <input type="radio" name="method" checked={method === 'password'} onChange={() => setMethod('password')} /> With a password
        </label>
        <label>
          <input type="radio" name="method" checked={method === 'code'} onChange={() => setMethod('code')} /> With a code sent by email
        </label>
      </div>
      <form onSubmit={submit}>
        <label>
          Email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
        </label>
        {method === 'password' && (
          <label>
            Password
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
          </label>
        )}
        {method === 'code' && codeSent && (
          <>
            <p>If {email} may sign in, a code is on its way there.</p>
            <label>
              Code
              <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" required />
            </label>
          </>
        )}
        {error && <p role="alert" className="account-error">{error}</p>}
        <button type="submit" className="button button--primary" disabled={busy}>
          {method === 'code' && !codeSent ? 'Send me a code' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
