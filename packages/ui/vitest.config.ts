import react from '@vitejs/plugin-react';
import { defineWorkspaceProject } from '../../vitest.shared.js';

export default defineWorkspaceProject('ui', {
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./src/test-setup.ts'],
  },
});
