/**
 * Builds the site (unless SKIP_SITE_BUILD=1) and serves it on a free localhost port; tests get the
 * address with inject('baseUrl') (see tests/e2e/browser.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildEnv } from './env.ts';
import { serveFolder } from './static-server.ts';
import { outDir } from '../../src/lib/paths.ts';

async function waitFor(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`The preview server did not answer at ${url} within ${timeoutMs} ms.`);
}

/**
 * Serves the built site in-process with sirv (a static server made for this), on a free port.
 * `astro preview` is not used: Astro 7 allows one preview server per project, so a developer's
 * open preview would make the tests fail.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const env = buildEnv();
	if (process.env.SKIP_SITE_BUILD !== '1') {
		const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env });
		// Quiet when it works; on failure the build's report (the check's findings) comes first.
		if (build.status !== 0) {
			process.stderr.write(build.stdout ?? '');
			throw new Error(`npm run build failed (exit ${build.status}): see its report above.`);
		}
	}
	const dist = outDir();
	const { base, close } = await serveFolder(dist, readFileSync(join(dist, '404.html')));
	await waitFor(`${base}/`, 10_000);
	project.provide('baseUrl', base);
	return close;
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
