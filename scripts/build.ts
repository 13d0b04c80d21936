/**
 * `npm run build`: the production build. Each step must pass before the next one runs, so a
 * broken claim or a removed permalink stops the build before anything is published.
 */
import { spawnSync } from 'node:child_process';
import { buildNodeOptions } from './lib/node-options.ts';
import { cli, fail } from './lib/cli.ts';

cli('npm run build', {});

const steps: { name: string; command: string[] }[] = [
	// Steps are added by the features that need them (claim check, permalink check, CSP, …).
	{ name: 'Claim check (every claim cites a reference that exists)', command: [process.execPath, 'scripts/check-claims.ts'] },
	{ name: 'Permalink check (no published page or anchor disappears)', command: [process.execPath, 'scripts/permalinks.ts', 'check'] },
	// In shards for large sites, so memory stays bounded (scripts/lib/astro-build.ts).
	{ name: 'Astro build (pages + Pagefind index)', command: [process.execPath, 'scripts/astro-build.ts'] },
	{ name: 'Search data (vocabulary, indexed terms and the compact search index for the search dialog)', command: [process.execPath, 'scripts/search-data.ts'] },
	{ name: 'Content-Security-Policy (script hashes from the built pages: meta tag + _headers)', command: [process.execPath, 'scripts/csp.ts'] },
];

for (const step of steps) {
	const started = performance.now();
	const [cmd, ...args] = step.command;
	const result = spawnSync(cmd!, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: buildNodeOptions() } });
	if (result.status !== 0) fail(`Build stopped: "${step.name}" failed (exit ${result.status ?? result.signal}). Fix the errors above and run npm run build again.`);
	console.log(`✔ ${step.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
