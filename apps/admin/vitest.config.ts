import react from '@vitejs/plugin-react';
import { defineWorkspaceProject } from '../../vitest.shared.js';

export default defineWorkspaceProject('admin', {
  plugins: [react()],
  test: { environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
