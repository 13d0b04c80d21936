/**
 * Builds the production site into dist/ once per test run, unless SKIP_SITE_BUILD=1 (set by
 * .ci/run after it has just built). Built-site tests then read dist/.
 */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
	if (process.env.SKIP_SITE_BUILD === '1') return;
	const result = spawnSync('npx', ['astro', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
	if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status}); run "npm run build" to see why.`);
}
