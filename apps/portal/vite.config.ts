import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceAliases } from '../../vitest.shared.js';

// The API (pnpm --filter @chiso/api dev) answers /graphql on port 4000 in development.
const apiOrigin = process.env.CHISO_API_ORIGIN ?? 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@chiso/scoring': workspaceAliases['@chiso/scoring']! } },
  server: { port: 5173, strictPort: true, proxy: { '/graphql': apiOrigin } },
  preview: { port: 4173, proxy: { '/graphql': apiOrigin } },
  build: { target: 'es2022', sourcemap: true },
});
