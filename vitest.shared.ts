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
};

/** One Vitest project of the workspace, with the workspace aliases applied. */
export function defineWorkspaceProject(name: string, config: UserWorkspaceConfig = {}) {
  return mergeConfig(
    defineProject({ resolve: { alias: workspaceAliases }, test: { name, include: ['src/**/*.test.ts'] } }),
    config,
  );
}
