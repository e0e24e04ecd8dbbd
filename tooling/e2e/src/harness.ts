import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildServer } from '@chiso/api/server';
import { createTestDatabase } from '@chiso/testing';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from './chromium.js';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const portalDir = fromRoot('apps/portal/dist');
export const adminDir = fromRoot('apps/admin/dist');
export const screenshotDir = fromRoot('test-results/screenshots');

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>['db'];

export const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
  /** A tablet at the desk, landscape and portrait. */
  tablet: { width: 1024, height: 768 },
  tabletPortrait: { width: 768, height: 1024 },
} as const;
export type ViewportName = keyof typeof viewports;

export interface E2EApp {
  /** http://127.0.0.1:<port> of the API serving the built apps. */
  baseUrl: string;
  browser: Browser;
  /** The test database behind the API (to check what a page wrote). */
  db: TestDb;
  /** A page in a fresh browser context (no stored language) at the given width. */
  newPage(viewport?: ViewportName): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
}

/**
 * The real API over a fresh database with the demo data (`createTestDatabase({ demo: true })`), listening on a
 * free port and serving the built apps, plus a Chromium. It builds nothing: run `pnpm build` first.
 */
function useApp(): E2EApp {
  let server: FastifyInstance | undefined;
  let browser: Browser | undefined;
  let database: TestDb | undefined;
  const contexts: BrowserContext[] = [];
  const app = {
    baseUrl: '',
    get browser() {
      if (!browser) throw new Error('Chromium is not started');
      return browser;
    },
    get db() {
      if (!database) throw new Error('The database is not ready');
      return database;
    },
    async newPage(viewport: ViewportName = 'desktop') {
      const context = await app.browser.newContext({ viewport: viewports[viewport], locale: 'vi-VN' });
      contexts.push(context);
      return context.newPage();
    },
    async screenshot(page: Page, name: string) {
      mkdirSync(screenshotDir, { recursive: true });
      const path = `${screenshotDir}/${name}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  } satisfies E2EApp as E2EApp;

  beforeAll(async () => {
    for (const dir of [portalDir, adminDir]) {
      if (!existsSync(`${dir}/index.html`)) {
        throw new Error(`${dir}/index.html is missing: build the apps first (pnpm build).`);
      }
    }
    const { db } = await createTestDatabase({ demo: true });
    database = db;
    server = await buildServer({ db, apps: { portalDir, adminDir } });
    await server.listen({ port: 0, host: '127.0.0.1' });
    app.baseUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  return app;
}

let warned = false;

/**
 * A suite of browser tests. Without Chromium it is skipped with a message on a developer's machine, and fails
 * in CI (CI=true), where Chromium must be installed.
 */
export function describeE2E(name: string, suite: (app: E2EApp) => void): void {
  if (!chromiumAvailable && !process.env.CI) {
    if (!warned) {
      warned = true;
      console.warn(
        `[e2e] skipped: no Chromium at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" (or set CHISO_CHROMIUM).`,
      );
    }
    describe.skip(name, () => suite({} as E2EApp));
    return;
  }
  describe(name, () => {
    if (!chromiumAvailable) {
      beforeAll(() => {
        throw new Error(`Chromium is required in CI and missing at ${CHROMIUM_PATH}.`);
      });
    }
    suite(useApp());
  });
}
