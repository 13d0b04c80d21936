/**
 * `npm run build`: the production build. Each step must pass before the next one runs, so a
 * broken claim or a removed permalink stops the build before anything is published.
 */
import { spawnSync } from 'node:child_process';
import { buildNodeOptions } from './lib/node-options.ts';
import { cli, fail } from './lib/cli.ts';
import { BUILD_STEPS } from './lib/build-steps.ts';

cli('npm run build', {});

// The steps (scripts/lib/build-steps.ts) are also what the scale benchmark times.
for (const step of BUILD_STEPS) {
	const started = performance.now();
	const result = spawnSync(process.execPath, step.args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: buildNodeOptions() } });
	if (result.status !== 0) fail(`Build stopped: "${step.name}" failed (exit ${result.status ?? result.signal}). Fix the errors above and run npm run build again.`);
	console.log(`✔ ${step.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
