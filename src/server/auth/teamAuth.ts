/**
 * Accounts for team mode: better-auth (email + password, and email one-time codes) on the team store.
 * Nobody signs up: people exist only through `admin create` or an admin's invite, and only from the
 * allowed email domains.
 */
import { createHash, randomBytes } from 'node:crypto';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { emailOTP } from 'better-auth/plugins';
import type { TeamDatabase } from '../db/openDatabase.ts';
import type { TeamRole } from '../db/schema.ts';
import type { MailTransport } from '../mail/mailTransport.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** How long a setup link (first admin, invites) stays usable. */
export const SETUP_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface TeamUser {
  id: string;
  email: string;
  name: string;
  role: TeamRole;
}

export interface TeamAuthOptions {
  database: TeamDatabase;
  /** The address people open (e.g. `https://editor.agency.gov.sg`): cookies, links and the Origin check use it. */
  publicUrl: string;
  /** Signs cookies; kept in the data folder. */
  secret: string;
  mail: MailTransport;
  /** Extra origins trusted for sign-in (the loopback spellings of the bound address). */
  trustedOrigins?: string[];
}

function betterAuthOptions(opts: TeamAuthOptions) {
  const secure = opts.publicUrl.startsWith('https:');
  return {
    appName: 'Isomer Page Editor',
    baseURL: opts.publicUrl,
    basePath: '/api/auth',
    secret: opts.secret,
    database: { db: opts.database.db, type: opts.database.kind },
    telemetry: { enabled: false },
    trustedOrigins: [new URL(opts.publicUrl).origin, ...(opts.trustedOrigins ?? [])],
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 256 },
    user: { additionalFields: { role: { type: 'string', required: false, defaultValue: 'editor', input: false } } },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    // The team server's own lockout (sign_in_failures) limits sign-in per account; this limits per client.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'strict', secure, path: '/' },
    },
    plugins: [
      emailOTP({
        disableSignUp: true,
        otpLength: 6,
        expiresIn: 600,
        allowedAttempts: 3,
        storeOTP: 'hashed',
        async sendVerificationOTP({ email, otp, type }) {
          if (type !== 'sign-in') return;
          // Not awaited: a slow mail server must not make known emails answer slower than unknown ones.
          void opts.mail
            .send({ to: email, subject: 'Your Isomer Page Editor sign-in code', text: `Your sign-in code is ${otp}. It is valid for 10 minutes.\n\nIf you did not ask for it, ignore this message.` })
            .catch((err: unknown) => console.error('[team] could not send a sign-in code:', err instanceof Error ? err.message : 'unknown error'));
        },
      }),
    ],
  } satisfies BetterAuthOptions;
}

export function createBetterAuth(opts: TeamAuthOptions) {
  return betterAuth(betterAuthOptions(opts));
}

export type BetterAuth = ReturnType<typeof createBetterAuth>;

/** Makes or updates better-auth's own tables. */
export async function migrateAuthTables(opts: TeamAuthOptions): Promise<void> {
  // From the options alone: an auth instance would first complain that its tables are missing.
  const { runMigrations } = await getMigrations(betterAuthOptions(opts));
  await runMigrations();
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function normaliseEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return /^[^\s@]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(email) && email.length <= 254 ? email : null;
}

/** The team's people and settings, over better-auth's adapter and the team tables. */
export class TeamAccounts {
  constructor(
    readonly auth: BetterAuth,
    readonly database: TeamDatabase,
  ) {}

  private get db() {
    return this.database.db;
  }

  async allowedDomains(): Promise<string[]> {
    const row = await this.db.selectFrom('team_settings').select('value').where('key', '=', 'allowed_domains').executeTakeFirst();
    return row ? (JSON.parse(row.value) as string[]) : [];
  }

  async setAllowedDomains(domains: string[]): Promise<void> {
    const value = JSON.stringify([...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))]);
    const updated = await this.db.updateTable('team_settings').set({ value }).where('key', '=', 'allowed_domains').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.insertInto('team_settings').values({ key: 'allowed_domains', value }).execute();
  }

  async isDomainAllowed(email: string): Promise<boolean> {
    return (await this.allowedDomains()).includes(emailDomain(email));
  }

  async findUser(email: string): Promise<TeamUser | null> {
    const ctx = await this.auth.$context;
    const found = await ctx.internalAdapter.findUserByEmail(email.toLowerCase());
    return found ? toTeamUser(found.user) : null;
  }

  async listUsers(): Promise<TeamUser[]> {
    const ctx = await this.auth.$context;
    const users = await ctx.internalAdapter.listUsers(1000, 0, { field: 'email', direction: 'asc' });
    return users.map(toTeamUser);
  }

  /** Makes the person (if new) with `role`, and a one-time setup token; returns the token. */
  async createPerson(email: string, role: TeamRole, name = email.slice(0, email.indexOf('@'))): Promise<{ user: TeamUser; token: string }> {
    const ctx = await this.auth.$context;
    const existing = await ctx.internalAdapter.findUserByEmail(email);
    const user = existing
      ? (await ctx.internalAdapter.updateUser(existing.user.id, { role }))
      : await ctx.internalAdapter.createUser({ email, name, emailVerified: true, role }, { method: 'admin' });
    const token = randomBytes(32).toString('base64url');
    await this.db
      .insertInto('setup_tokens')
      .values({ token_hash: hashToken(token), email, expires_at: new Date(Date.now() + SETUP_LINK_TTL_MS).toISOString(), used_at: null })
      .execute();
    return { user: toTeamUser(user), token };
  }

  async setRole(email: string, role: TeamRole): Promise<TeamUser | null> {
    const ctx = await this.auth.$context;
    const found = await ctx.internalAdapter.findUserByEmail(email);
    if (!found) return null;
    return toTeamUser(await ctx.internalAdapter.updateUser(found.user.id, { role }));
  }

  /**
   * Uses a setup token once: sets the person's name and password. Returns the email, or null when
   * the token is unknown, used or expired.
   */
  async completeSetup(token: string, name: string, password: string): Promise<string | null> {
    const tokenHash = hashToken(token);
    const now = new Date().toISOString();
    // Claimed atomically: two requests with the same token cannot both pass.
    const claimed = await this.db
      .updateTable('setup_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return null;
    const row = await this.db.selectFrom('setup_tokens').select('email').where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
    const ctx = await this.auth.$context;
    const found = await ctx.internalAdapter.findUserByEmail(row.email, { includeAccounts: true });
    if (!found) return null;
    const hash = await ctx.password.hash(password);
    const credential = found.accounts.find((a) => a.providerId === 'credential');
    if (credential) await ctx.internalAdapter.updatePassword(found.user.id, hash);
    else await ctx.internalAdapter.linkAccount({ userId: found.user.id, providerId: 'credential', accountId: found.user.id, password: hash });
    if (name) await ctx.internalAdapter.updateUser(found.user.id, { name });
    await this.db.updateTable('invites').set({ accepted_at: now }).where('email', '=', row.email).where('accepted_at', 'is', null).execute();
    return row.email;
  }
}

export function toTeamUser(user: Record<string, unknown>): TeamUser {
  return {
    id: String(user.id),
    email: String(user.email),
    name: String(user.name ?? ''),
    role: user.role === 'admin' ? 'admin' : 'editor',
  };
}
