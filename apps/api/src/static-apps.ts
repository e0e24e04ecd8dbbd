import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Folders of the built single-page apps (`vite build` output), each optional. */
export interface StaticAppsOptions {
  /** apps/portal/dist, served at `/`. */
  portalDir?: string | undefined;
  /** apps/admin/dist, served at `/admin/`. */
  adminDir?: string | undefined;
}

/** Paths the API answers itself: an app's fallback never covers them. */
const API_PATHS = ['/graphql', '/healthz', '/readyz', '/metrics'];

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Vite writes content-hashed files under `assets/`: they never change, so browsers keep them for a year. */
function setCacheHeaders(reply: FastifyReply, path: string): void {
  reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache');
}

function builtIndex(dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  const index = join(dir, 'index.html');
  return existsSync(index) ? readFileSync(index, 'utf8') : undefined;
}

function isApiPath(path: string): boolean {
  return API_PATHS.some((api) => path === api || path.startsWith(`${api}/`));
}

/**
 * A client-side route: the last segment has no file extension (`/tinh-thanh`, not `/assets/x.js`). An ending of
 * digits is not an extension: procedure codes such as `1.004227` or `BKN.STP.001` name routes.
 */
function looksLikeRoute(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !/\.[0-9]*[a-z][a-z0-9]*$/i.test(last);
}

function sendIndex(reply: FastifyReply, html: string) {
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
}

/**
 * Serves the built apps when their folders exist: the portal at `/`, the admin app at `/admin/`, each with a
 * fallback to its `index.html` for client-side routes (never for the API's own paths, never for missing
 * assets). Hashed assets are cached as immutable; `index.html` is revalidated on every visit.
 * Returns which apps are served.
 */
export async function registerStaticApps(
  app: FastifyInstance,
  options: StaticAppsOptions,
): Promise<{ portal: boolean; admin: boolean }> {
  const portalIndex = builtIndex(options.portalDir);
  const adminIndex = builtIndex(options.adminDir);

  if (portalIndex && options.portalDir) {
    await app.register(fastifyStatic, {
      root: options.portalDir,
      prefix: '/',
      cacheControl: false,
      setHeaders: setCacheHeaders,
    });
  }
  if (adminIndex && options.adminDir) {
    await app.register(fastifyStatic, {
      root: options.adminDir,
      prefix: '/admin/',
      decorateReply: false,
      cacheControl: false,
      setHeaders: setCacheHeaders,
    });
    app.get('/admin', (_request, reply) => reply.redirect('/admin/', 301));
  }

  if (portalIndex || adminIndex) {
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const routable =
        (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(path) && looksLikeRoute(path);
      if (routable) {
        if (adminIndex && path.startsWith('/admin/')) return sendIndex(reply, adminIndex);
        if (portalIndex && !path.startsWith('/admin/')) return sendIndex(reply, portalIndex);
      }
      return reply
        .code(404)
        .send({ message: `Route ${request.method}:${path} not found`, error: 'Not Found', statusCode: 404 });
    });
  }
  return { portal: Boolean(portalIndex), admin: Boolean(adminIndex) };
}
