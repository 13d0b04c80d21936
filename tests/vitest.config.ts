/**
 * `npm test`: unit, schema, checker, component and built-site tests. No browser needed.
 * The built-site tests read `dist/`, which `setup/build-site.ts` builds once per run.
 */
import { getViteConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

export default getViteConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'tests/fixtures/**', 'node_modules/**'],
		globalSetup: ['tests/setup/build-site.ts'],
		testTimeout: 60_000,
		hookTimeout: 300_000,
	},
});
