/**
 * Builds the production site into dist/ once per test run, unless SKIP_SITE_BUILD=1 (set by
 * .ci/run after it has just built). Built-site tests then read dist/.
 */
import { spawnSync } from 'node:child_process';
import { buildEnv } from './env.ts';

export default function setup(): void {
	if (process.env.SKIP_SITE_BUILD === '1') return;
	const result = spawnSync('npx', ['astro', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: buildEnv(),
	});
	if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status}); run "npm run build" to see why.`);
}
