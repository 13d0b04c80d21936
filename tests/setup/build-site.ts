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
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		env: buildEnv(),
	});
	// Quiet when it works; when it fails, the build's own report (the check's findings with file,
	// line and fix) is what the editor needs, so it is printed before the error.
	if (result.status !== 0) {
		process.stderr.write(result.stdout ?? '');
		throw new Error(`npm run build failed (exit ${result.status}): see its report above.`);
	}
}
