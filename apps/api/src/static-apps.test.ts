import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@chiso/db';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { buildServer } from './server.js';

/** A folder shaped like `vite build` output. */
function fakeBuild(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `chiso-${name}-`));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${name}</title>`);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log('${name}')`);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

const portalDir = fakeBuild('portal');
const adminDir = fakeBuild('admin');
// These routes never touch the database.
const db = createDatabase({ url: 'postgres://postgres@127.0.0.1:1/nothing', max: 1 });
const env = loadEnv({ NODE_ENV: 'test' });
const app = await buildServer({ db, env, apps: { portalDir, adminDir } });
const bare = await buildServer({ db, env, apps: { portalDir: join(portalDir, 'missing') } });
afterAll(async () => {
  await app.close();
  await bare.close();
  await db.destroy();
  rmSync(portalDir, { recursive: true, force: true });
  rmSync(adminDir, { recursive: true, force: true });
});

describe('built apps', () => {
  it('serves the portal at / and its client routes, index.html never cached', async () => {
    for (const url of ['/', '/tinh-thanh', '/tinh-thanh?year=2019', '/a/b/c']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>portal</title>');
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the admin app at /admin/ and its client routes; /admin redirects', async () => {
    for (const url of ['/admin/', '/admin/don-vi', '/admin/dang-nhap?next=%2F']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>admin</title>');
    }
    const redirect = await app.inject({ method: 'GET', url: '/admin' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/admin/');
  });

  it('caches hashed assets as immutable and other files with revalidation', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log('portal')");
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const adminAsset = await app.inject({ method: 'GET', url: '/admin/assets/index-abc123.js' });
    expect(adminAsset.body).toBe("console.log('admin')");
    expect(adminAsset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('routes procedure codes with dots to the app page', async () => {
    for (const url of ['/thu-tuc/1.004227', '/thu-tuc/BKN.STP.001']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('answers 404 for missing files instead of the app page', async () => {
    for (const url of ['/assets/gone-123.js', '/admin/assets/gone.css', '/robots.txt', '/x.mp4']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('never shadows the API paths', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const graphql = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: '{ __typename }' },
    });
    expect(graphql.json()).toEqual({ data: { __typename: 'Query' } });
    for (const url of ['/graphql/x', '/healthz/x', '/metrics']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/json/);
    }
    const put = await app.inject({ method: 'PUT', url: '/graphql' });
    expect(put.statusCode).toBe(404);
  });

  it('serves nothing when the folders do not exist', async () => {
    const response = await bare.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(404);
    expect((await bare.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
