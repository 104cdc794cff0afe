import { defineConfig } from 'vitest/config';

// Three layers (ARCHITECTURE.md §10): unit = shared/ pure domain, integration = backend on a real
// SQLite file in a temp dir (plus fault/security suites), e2e runs under Playwright, not here.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/fault/**/*.test.ts', 'test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
