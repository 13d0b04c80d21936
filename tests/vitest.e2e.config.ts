/**
 * `npm run test:e2e`: browser tests in Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH)
 * driven by playwright-core. `setup/serve-site.ts` builds the site and serves it on localhost.
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/setup/serve-site.ts'],
		testTimeout: 60_000,
		hookTimeout: 300_000,
		fileParallelism: false,
	},
});
