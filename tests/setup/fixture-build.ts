/**
 * Building a generated fixture site from a test: `scripts/astro-build.ts` (the Astro step as
 * `npm run build` runs it, sharding included) with the content, cache and output folders of the
 * test's own, and the list of files a build wrote, for comparing two builds file by file.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildEnv } from './env.ts';

/** Runs the Astro step on `content` into `out`, caching in `<temp>/cache`; `extra` adds environment variables. */
export function buildFixtureSite(root: string, { content, temp, out }: { content: string; temp: string; out: string }, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
	return spawnSync(process.execPath, ['scripts/astro-build.ts'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		env: buildEnv({ EH_CONTENT_DIR: content, EH_CACHE_DIR: join(temp, 'cache'), EH_OUT_DIR: out, ...extra }),
	});
}

/** Every file under `dir`, as sorted paths relative to it. */
export function listing(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => statSync(join(dir, f)).isFile())
		.sort();
}
