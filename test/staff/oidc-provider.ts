/**
 * A real OpenID Connect provider for the single sign-on tests: oidc-provider 9 on a random port of
 * 127.0.0.1, with one confidential client whose redirect URI is the app's callback. Signing in at the
 * provider is done by the test: the next person to sign in, with their claims and the `amr` the provider
 * will report, is set with `signInAs`, and the login interaction finishes by itself as that person (no
 * forms). Consent is given by a grant made on the spot (a first-party client asks no consent).
 *
 * `follow(url)` walks the browser's redirects through the provider (keeping its cookies) until one leaves
 * for the app, and returns that address.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type OidcContext } from 'oidc-provider';

export interface ProviderAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Authentication methods the provider reports (RFC 8176), e.g. ['pwd', 'mfa']. */
  amr?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the provider next. */
  signInAs(account: ProviderAccount): void;
  /** Follows redirects at the provider from `url` until one points elsewhere; returns that location. */
  follow(url: string): Promise<string>;
  close(): Promise<void>;
}

export async function startOidcProvider(options: { redirectUri: string }): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'verbeterpunt';
  const clientSecret = 'a-client-secret-of-at-least-32-characters';
  const accounts = new Map<string, ProviderAccount>();
  let next: ProviderAccount | null = null;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          const { amr: _amr, ...claims } = account;
          return claims;
        },
      };
    },
    // How the person signed in (amr) travels in every ID token, as Entra ID's v1 tokens do.
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-for-the-oidc-provider'] },
    async loadExistingGrant(ctx: OidcContext) {
      const existing =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        if (!next) throw new Error('The test did not say who signs in at the provider (signInAs).');
        accounts.set(next.sub, next);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: next.sub, ...(next.amr ? { amr: next.amr } : {}) } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });

  const cookies = new Map<string, string>();
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(account) {
      next = account;
      cookies.clear();
    },
    async follow(url) {
      let location = url;
      for (let hops = 0; hops < 10; hops++) {
        if (!location.startsWith(issuer)) return location;
        const response = await fetch(location, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        });
        for (const header of response.headers.getSetCookie()) {
          const [pair] = header.split(';');
          const [name, ...value] = pair!.split('=');
          cookies.set(name!.trim(), value.join('='));
        }
        const to = response.headers.get('location');
        if (!to)
          throw new Error(
            `The provider answered ${response.status} at ${location}: ${await response.text()}`,
          );
        location = new URL(to, location).href;
      }
      throw new Error('Too many redirects at the provider');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
