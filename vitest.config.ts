import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM side by side with no exports map: Node (and so Yoga)
    // loads the CommonJS one, Vite would pick the ESM one for our code. Two GraphQLError
    // classes would then exist; point ours at Node's.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Vitest's default is one worker per core but one: a single worker on a 2-core machine. Test
    // files spend much of their time waiting on a database, timers and child processes, so two at
    // once take about a third less time there (CI: 423 s -> 295 s on PGlite, 424 s -> 271 s on PostgreSQL).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
