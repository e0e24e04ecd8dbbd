import { defineWorkspaceProject } from '../../vitest.shared.js';

export default defineWorkspaceProject('persisted-queries', {});
