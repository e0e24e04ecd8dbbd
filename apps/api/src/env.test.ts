import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';

describe('loadEnv', () => {
  it('applies the defaults', () => {
    expect(loadEnv({})).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4000,
      HOST: '0.0.0.0',
      CHISO_DEMO_SEED: true,
      CHISO_BODY_LIMIT_BYTES: 1024 * 1024,
      LOG_LEVEL: 'debug',
    });
    expect(loadEnv({}).DATABASE_URL).toBeUndefined();
    expect(loadEnv({ NODE_ENV: 'test' }).LOG_LEVEL).toBe('silent');
    const production = loadEnv({
      NODE_ENV: 'production',
      CHISO_DATA_KEY: `${'A'.repeat(43)}=`,
      CHISO_PSEUDONYM_SECRET: 's'.repeat(32),
    });
    expect(production.LOG_LEVEL).toBe('info');
    // An empty production database never fills up with demo figures unless asked.
    expect(production.CHISO_DEMO_SEED).toBe(false);
  });

  it('reads flags, numbers and empty values', () => {
    const env = loadEnv({ CHISO_DEMO_SEED: 'false', PORT: '8080', HOST: '', LOG_LEVEL: 'warn' });
    expect(env).toMatchObject({ CHISO_DEMO_SEED: false, PORT: 8080, HOST: '0.0.0.0', LOG_LEVEL: 'warn' });
    expect(loadEnv({ CHISO_DEMO_SEED: 'YES' }).CHISO_DEMO_SEED).toBe(true);
  });

  it('refuses invalid configuration with the names of the bad variables', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x/y' })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ CHISO_DEMO_SEED: 'maybe' })).toThrow(/CHISO_DEMO_SEED/);
  });

  it('requires a pseudonym secret in production and defaults it elsewhere', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/CHISO_PSEUDONYM_SECRET/);
    const secret = 'x'.repeat(40);
    expect(
      loadEnv({
        NODE_ENV: 'production',
        CHISO_PSEUDONYM_SECRET: secret,
        CHISO_DATA_KEY: `${'A'.repeat(43)}=`,
      }).CHISO_PSEUDONYM_SECRET,
    ).toBe(secret);
    expect(loadEnv({}).CHISO_PSEUDONYM_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(() => loadEnv({ CHISO_PSEUDONYM_SECRET: 'short' })).toThrow(/CHISO_PSEUDONYM_SECRET/);
  });
});
