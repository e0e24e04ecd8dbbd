import { defineWorkspaceProject } from '../../vitest.shared.js';

export default defineWorkspaceProject('db', {}, { database: true });
