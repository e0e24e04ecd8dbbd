import { defineWorkspaceProject } from '../../vitest.shared.js';

export default defineWorkspaceProject('testing', {}, { database: true });
