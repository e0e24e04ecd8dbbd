import { defineWorkspaceProject } from '../../vitest.shared.js';

export default defineWorkspaceProject('bench', {}, { database: true });
