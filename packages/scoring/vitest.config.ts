import { defineWorkspaceProject } from '../../vitest.shared.js';

export default defineWorkspaceProject('scoring', { test: { benchmark: { include: ['src/**/*.bench.ts'] } } });
