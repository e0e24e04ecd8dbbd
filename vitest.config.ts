import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tooling/*'],
    // CI reads the JSON report to print its one-line summary.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.data/test-results.json' }]]
      : ['default'],
  },
});
