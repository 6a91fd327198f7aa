/** The single sign-on settings from the environment: all three together or none, https unless on this machine. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';

const base = { DATABASE_URL: 'sqlite:/tmp/x.sqlite' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig({ ...base, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('OIDC_* configuration', () => {
  it('is off without the variables', () => {
    expect(parseConfig(base).oidc).toBeNull();
  });

  it('reads the three variables, with "Microsoft" as the default name', () => {
    expect(
      parseConfig({
        ...base,
        OIDC_ISSUER: 'https://login.microsoftonline.com/3f0e…/v2.0',
        OIDC_CLIENT_ID: '0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
        OIDC_CLIENT_SECRET: 'secret',
      }).oidc,
    ).toEqual({
      issuer: 'https://login.microsoftonline.com/3f0e…/v2.0',
      clientId: '0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
      clientSecret: 'secret',
      displayName: 'Microsoft',
    });
    expect(
      parseConfig({
        ...base,
        OIDC_ISSUER: 'http://127.0.0.1:8080',
        OIDC_CLIENT_ID: 'a',
        OIDC_CLIENT_SECRET: 'b',
        OIDC_DISPLAY_NAME: 'Loket3-account',
      }).oidc?.displayName,
    ).toBe('Loket3-account');
  });

  it.each([
    [
      { OIDC_ISSUER: 'https://idp.example' },
      'Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET together; missing: OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.',
    ],
    [
      { OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' },
      'Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET together; missing: OIDC_ISSUER.',
    ],
    [
      { OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' },
      "OIDC_ISSUER must be an https URL (plain http only for a provider on this machine) (got 'http://idp.example').",
    ],
    [
      { OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' },
      "OIDC_ISSUER must be an https URL (plain http only for a provider on this machine) (got 'not a url').",
    ],
  ])('refuses %j', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });
});
