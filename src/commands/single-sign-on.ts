/**
 * Single sign-on with OpenID Connect (openid-client): the authorization code flow with PKCE, state and
 * nonce, against the provider of OIDC_ISSUER (often Microsoft Entra ID).
 *
 * - The identity is linked to an EXISTING active user: by its subject (`<issuer>|<sub>`, stored on the user),
 *   or on first use by an email address the provider vouches for (`email_verified`, or Entra ID's
 *   `xms_edov`), which then stores the subject. No account is ever created here.
 * - Whether our second factor is still asked depends on the `amr` claim (docs/adr/0005).
 */
import * as oidc from 'openid-client';
import type { OidcConfig } from '../config.ts';
import { recordAudit } from '../db/repositories/audit-log.ts';
import {
  findUserByEmail,
  findUserByOidcSubject,
  getSignInRecord,
  linkOidcSubject,
  type User,
} from '../db/repositories/users.ts';
import type { Role } from '../domain/action-context.ts';
import { multiFactorByProvider, stageAfterSingleSignOn } from '../domain/sign-in.ts';
import { type CommandDeps, loadOrganisation } from './context.ts';
import { clearCounters, userCounters } from './sign-in-attempts.ts';
import { type ClientMeta, type SignInOutcome, startSession } from './staff-sessions.ts';

/** What the browser keeps (in a signed, short-lived cookie) between leaving for the provider and coming back. */
export interface SingleSignOnTransient {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider's configuration, discovered once per process (again after a failure). */
const discovered = new Map<string, Promise<oidc.Configuration>>();

function providerOf(config: OidcConfig): Promise<oidc.Configuration> {
  const key = `${config.issuer} ${config.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const local = new URL(config.issuer).protocol === 'http:';
    found = oidc.discovery(
      new URL(config.issuer),
      config.clientId,
      config.clientSecret,
      undefined,
      // Plain http only for a provider on this machine (config.ts refuses it elsewhere): development and tests.
      local ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

export const callbackUrl = (deps: CommandDeps): string =>
  `${deps.config.publicUrl}/staff/sign-in/oidc/callback`;

/** Where to send the browser, and what to keep until it comes back. */
export async function startSingleSignOn(
  deps: CommandDeps,
): Promise<{ url: string; transient: SingleSignOnTransient }> {
  const config = requireConfig(deps);
  const provider = await providerOf(config);
  const transient = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(deps),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(transient.codeVerifier),
    code_challenge_method: 'S256',
    state: transient.state,
    nonce: transient.nonce,
  });
  return { url: url.href, transient };
}

export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** The provider vouches that the address is the person's. */
  emailVerified: boolean;
  amr: unknown;
}

/**
 * Redeems the code of the callback (checking state, nonce and the PKCE verifier, and the ID token's
 * signature, issuer, audience and expiry) and returns who the provider says this is. The email comes from
 * the ID token, or from the userinfo endpoint when the token does not carry it. Throws when anything is off.
 */
export async function finishSingleSignOn(
  deps: CommandDeps,
  currentUrl: URL,
  transient: SingleSignOnTransient,
): Promise<ProviderIdentity> {
  const provider = await providerOf(requireConfig(deps));
  const tokens = await oidc.authorizationCodeGrant(provider, currentUrl, {
    pkceCodeVerifier: transient.codeVerifier,
    expectedState: transient.state,
    expectedNonce: transient.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The provider sent no ID token.');
  let email: unknown = claims.email;
  let verified: unknown = claims.email_verified ?? claims.xms_edov;
  if (typeof email !== 'string' && provider.serverMetadata().userinfo_endpoint) {
    const info = await oidc.fetchUserInfo(provider, tokens.access_token, claims.sub);
    email = info.email;
    verified = info.email_verified ?? info.xms_edov;
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof email === 'string' ? email : null,
    emailVerified: verified === true || verified === 'true' || verified === 1,
    amr: claims.amr,
  };
}

export type SingleSignOnOutcome =
  | Extract<SignInOutcome, { ok: true }>
  | { ok: false; reason: 'unknown_identity'; email: string | null };

/**
 * Signs in the existing active user this identity belongs to (linking it on first use by a verified email),
 * with a new session (rotation, as after a password) at the stage the `amr` claim allows.
 */
export async function signInWithIdentity(
  deps: CommandDeps,
  identity: ProviderIdentity,
  previousToken: string | undefined,
  meta: ClientMeta,
): Promise<SingleSignOnOutcome> {
  const db = deps.db.kysely;
  const now = deps.now();
  const subject = `${identity.issuer}|${identity.subject}`;
  let user: User | null = await findUserByOidcSubject(db, subject);
  if (!user && identity.email && identity.emailVerified) {
    const candidate = await findUserByEmail(db, identity.email);
    // Linked only once: an account that has another identity already is not taken over by a second one.
    if (candidate?.active && (await linkOidcSubject(db, candidate.id, subject))) {
      user = candidate;
      await recordAudit(db, {
        at: now,
        actorId: candidate.id,
        actorLabel: candidate.name,
        action: 'oidc_identity_linked',
        targetType: 'user',
        targetId: candidate.id,
        ip: meta.ip,
        details: { issuer: identity.issuer },
      });
    }
  }
  if (!user?.active) {
    await recordAudit(db, {
      at: now,
      actorId: user?.id ?? null,
      actorLabel: user?.name ?? 'unknown',
      action: 'sign_in_failed',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      ip: meta.ip,
      details: { method: 'oidc', reason: user ? 'inactive' : 'unknown_identity', issuer: identity.issuer },
    });
    return { ok: false, reason: 'unknown_identity', email: identity.email };
  }
  const record = await getSignInRecord(db, user.id);
  const { settings } = await loadOrganisation(db);
  const stage = stageAfterSingleSignOn(
    { roles: user.roles, totpEnabled: record?.totpEnabled ?? false },
    settings.security.twoFactorRequiredForRoles as Role[],
    identity.amr,
  );
  if (stage === 'complete') await clearCounters(userCounters(db, user.id));
  return startSession(
    deps,
    user,
    { method: 'oidc', stage, previousToken, details: { providerMfa: multiFactorByProvider(identity.amr) } },
    meta,
  );
}

function requireConfig(deps: CommandDeps): OidcConfig {
  if (!deps.config.oidc) throw new Error('Single sign-on is not configured (OIDC_ISSUER).');
  return deps.config.oidc;
}
