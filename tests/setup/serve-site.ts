/**
 * Builds the site (unless SKIP_SITE_BUILD=1) and serves dist/ with `astro preview` on a free
 * localhost port. Tests read the address from E2E_BASE_URL (see tests/e2e/browser.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

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

let server: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
	if (process.env.SKIP_SITE_BUILD !== '1') {
		const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], env });
		if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}).`);
	}
	const port = await freePort();
	server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore', env, detached: true });
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/`, 60_000);
	project.provide('baseUrl', base);
	return () => {
		if (server?.pid) process.kill(-server.pid, 'SIGTERM');
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
