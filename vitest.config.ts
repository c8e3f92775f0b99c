import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration suites each run a whole build with Chromium: one at a time on a 2-core machine.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // The JSON report is what .ci/run counts; the default reporter is what people read.
    reporters: ['default', 'json'],
    outputFile: { json: 'test/.tmp/vitest-report.json' },
  },
});
