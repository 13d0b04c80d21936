/**
 * Builds the production site into dist/ once per test run, unless SKIP_SITE_BUILD=1 (set by
 * .ci/run after it has just built). Built-site tests then read dist/.
 */
import { spawnSync } from 'node:child_process';
import { buildEnv } from './env.ts';

export default function setup(): void {
	if (process.env.SKIP_SITE_BUILD === '1') return;
	// The production build (scripts/build.ts): claim check, Astro build, then the CSP step, so the
	// built-site tests see exactly what is published (CSP meta tags, _headers).
	const result = spawnSync(process.execPath, ['scripts/build.ts'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: buildEnv(),
	});
	if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status}); run "npm run build" to see why.`);
}
