/** The team server's account API, as the browser calls it (cookies go along: same origin). */
import type { TeamUser } from '../../server/auth/teamAuth.ts';
import type { AuditEntry } from '../../server/db/auditLog.ts';
import type { InvitesTable } from '../../server/db/schema.ts';

// The server's own types (type-only imports: nothing of the server enters the bundle).
export type { AuditEntry, TeamUser };

export interface PeopleList {
  people: TeamUser[];
  invites: InvitesTable[];
  allowedDomains: string[];
}

export class TeamApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new TeamApiError(String(data.error ?? data.message ?? `The server answered ${res.status}.`), res.status);
  return data as T;
}

export const teamApi = {
  async session(): Promise<TeamUser | null> {
    try {
      return (await call<{ user: TeamUser }>('GET', '/api/team/session')).user;
    } catch (error) {
      if (error instanceof TeamApiError && error.status === 401) return null;
      throw error;
    }
  },
  signInWithPassword: (email: string, password: string) => call('POST', '/api/auth/sign-in/email', { email, password }),
  sendCode: (email: string) => call('POST', '/api/auth/email-otp/send-verification-otp', { email, type: 'sign-in' }),
  signInWithCode: (email: string, otp: string) => call('POST', '/api/auth/sign-in/email-otp', { email, otp }),
  signOut: () => call('POST', '/api/auth/sign-out', {}),
  setup: (token: string, name: string, password: string) => call<{ email: string }>('POST', '/api/team/setup', { token, name, password }),
  people: () => call<PeopleList>('GET', '/api/team/admin/people'),
  invite: (email: string, role: string) => call('POST', '/api/team/admin/invites', { email, role }),
  setRole: (email: string, role: string) => call('PUT', '/api/team/admin/role', { email, role }),
  setAllowedDomains: (allowedDomains: string[]) => call<{ allowedDomains: string[] }>('PUT', '/api/team/admin/settings', { allowedDomains }),
  audit: (before?: number) => call<{ entries: AuditEntry[]; next: number | null }>('GET', `/api/team/admin/audit${before === undefined ? '' : `?before=${before}`}`),
};
