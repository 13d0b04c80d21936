/**
 * The environment for a production build started from inside a test: vitest puts MODE=test,
 * DEV=1, NODE_ENV=test (and more) into process.env, which would make Astro build in test mode
 * (drafts included). These are removed.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^(MODE|DEV|PROD|SSR|BASE_URL|SITE|TEST|NODE_ENV)$/.test(k) || k.startsWith('VITEST')) continue;
		env[k] = v;
	}
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...extra };
}
