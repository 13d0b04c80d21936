/**
 * Builds the site (unless SKIP_SITE_BUILD=1) and serves it on a free localhost port; tests get the
 * address with inject('baseUrl') (see tests/e2e/browser.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';
import { buildEnv } from './env.ts';
import { outDir } from '../../src/lib/paths.ts';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 4321;
			server.close(() => resolve(port));
		});
	});
}

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
		const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], env });
		if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}).`);
	}
	const dist = outDir();
	const serve = sirv(dist, { dev: false, etag: true, extensions: ['html'] });
	const notFound = readFileSync(join(dist, '404.html'));
	const server = createHttpServer((req, res) =>
		serve(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/html');
			res.end(notFound);
		}),
	);
	const port = await freePort();
	await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/`, 10_000);
	project.provide('baseUrl', base);
	return () => new Promise<void>((r) => server.close(() => r()));
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
