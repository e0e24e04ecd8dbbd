import { fileURLToPath } from 'node:url';
import { defineProject, mergeConfig, type UserWorkspaceConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Workspace packages resolve to their TypeScript sources in tests and in Vite dev servers;
 * production runs their built `dist` (the `default` export condition).
 */
export const workspaceAliases: Record<string, string> = {
  '@chiso/scoring': fromRoot('./packages/scoring/src/index.ts'),
  '@chiso/db': fromRoot('./packages/db/src/index.ts'),
  // An alias, not a dependency, for @chiso/db's own tests (the helpers depend on @chiso/db).
  '@chiso/testing': fromRoot('./tooling/testing/src/index.ts'),
};

const databaseSetup = fromRoot('./tooling/testing/src/global-setup.ts');

/**
 * One Vitest project of the workspace, with the workspace aliases applied. `database: true` gives the project
 * a PostgreSQL server and a migrated template database (see `@chiso/testing`).
 */
export function defineWorkspaceProject(
  name: string,
  config: UserWorkspaceConfig = {},
  options: { database?: boolean } = {},
) {
  return mergeConfig(
    defineProject({
      resolve: { alias: workspaceAliases },
      test: {
        name,
        include: ['src/**/*.test.ts'],
        ...(options.database
          ? { globalSetup: [databaseSetup], hookTimeout: 60_000, testTimeout: 30_000 }
          : {}),
      },
    }),
    config,
  );
}
