import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Modal } from '../Modal.tsx';
import { teamApi, type AuditEntry, type PeopleList, type TeamUser } from './teamApi.ts';

/** For admins: who is on the team, invites, roles, allowed email domains, and the audit log. */
export function PeopleScreen({ me, onClose }: { me: TeamUser; onClose: () => void }) {
  const [list, setList] = useState<PeopleList | null>(null);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [nextAudit, setNextAudit] = useState<number | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'editor' | 'admin'>('editor');
  const [domains, setDomains] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const [people, log] = await Promise.all([teamApi.people(), teamApi.audit()]);
    setList(people);
    setDomains(people.allowedDomains.join(', '));
    setAudit(log.entries);
    setNextAudit(log.next);
  }, []);
  const attempt = async (action: () => Promise<unknown>, done?: string) => {
    setError(null);
    setMessage(null);
    try {
      await action();
      if (done) setMessage(done);
      await reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    reload().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [reload]);

  const invite = (event: FormEvent) => {
    event.preventDefault();
    const who = email.trim();
    void attempt(() => teamApi.invite(who, role), `Invitation sent to ${who}.`).then(() => setEmail(''));
  };

  return (
    <Modal title="People" onClose={onClose} className="people-screen">
      {error && <p role="alert" className="account-error">{error}</p>}
      {message && <p role="status">{message}</p>}
      <section aria-labelledby="people-invite">
        <h3 id="people-invite">Invite someone</h3>
        <form onSubmit={invite} className="people-invite">
          <label>
            Email
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.target.value as 'editor' | 'admin')}>
              <option value="editor">Editor (edits, asks for review)</option>
              <option value="admin">Admin (people, review, publish)</option>
            </select>
          </label>
          <button type="submit" className="button button--primary">
            Invite
          </button>
        </form>
      </section>
      <section aria-labelledby="people-list">
        <h3 id="people-list">Team</h3>
        <table className="people-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            {list?.people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${p.email}`}
                    value={p.role}
                    disabled={p.email === me.email}
                    onChange={(e) => void attempt(() => teamApi.setRole(p.email, e.target.value), `${p.email} is now ${e.target.value === 'admin' ? 'an admin' : 'an editor'}.`)}
                  >
                    <option value="editor">Editor</option>
                    <option value="admin">Admin</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="people-domains">
        <h3 id="people-domains">Allowed email domains</h3>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(() => teamApi.setAllowedDomains(domains.split(/[\s,]+/).filter(Boolean)), 'Allowed domains saved.');
          }}
        >
          <label>
            Only people with these email domains can be invited and sign in (comma-separated)
            <input value={domains} onChange={(e) => setDomains(e.target.value)} />
          </label>
          <button type="submit" className="button">
            Save domains
          </button>
        </form>
      </section>
      <section aria-labelledby="people-audit">
        <h3 id="people-audit">Audit log</h3>
        <ol className="people-audit">
          {audit.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> {entry.actor ?? 'server'}: {entry.action}
              {entry.target ? ` ${entry.target}` : ''}
            </li>
          ))}
        </ol>
        {nextAudit !== null && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void teamApi.audit(nextAudit).then((page) => {
                setAudit((shown) => [...shown, ...page.entries]);
                setNextAudit(page.next);
              })
            }
          >
            Older entries
          </button>
        )}
      </section>
    </Modal>
  );
}
