import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineWorkspaceProject } from '../../vitest.shared.js';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
// The API's sources run in this project: pin the CJS build of graphql as the API's own tests do.
const graphql = createRequire(fromRoot('apps/api/package.json')).resolve('graphql');

export default defineWorkspaceProject(
  'e2e',
  {
    resolve: { alias: { graphql, '@chiso/api/server': fromRoot('apps/api/src/server.ts') } },
    test: { testTimeout: 60_000, hookTimeout: 120_000 },
  },
  { database: true },
);
