/**
 * The Astro processes of a sharded build (scripts/lib/astro-build.ts), through Astro's JavaScript API:
 * - `sync`: the prepare stage's `astro sync` (Astro's content store brought up to date, once);
 * - `build`: one shard's `astro build` without its content sync. The prepare stage has just synced
 *   the store and given this shard its own copy (EH_ASTRO_CACHE_DIR), so the shard's sync would only
 *   start a Vite server to find every entry unchanged (≈ 2–3 s per shard at 1,000 guidelines on
 *   this machine); AstroBuilder's `sync: false`, passed through by `build()`, skips it.
 * Each prints the CPU time it used when it ends ("CPU: …", read by the bench: scripts/lib/measure.ts).
 * Errors are reported as the `astro` command reports them.
 */
import { build, sync } from 'astro';
import { cli, EXIT, usageError } from './cli.ts';

const usage = 'node scripts/lib/astro-shard.ts build|sync';
const command = cli(usage, { allowPositionals: true }).positionals[0];
if (command !== 'build' && command !== 'sync') usageError('Say build or sync.', usage);
process.on('exit', () => {
	const { user, system } = process.cpuUsage();
	console.log(`CPU: ${(user / 1e6).toFixed(2)} s user + ${(system / 1e6).toFixed(2)} s system`);
});
try {
	if (command === 'sync') await sync({});
	else await build({}, { sync: false } as Parameters<typeof build>[1]);
} catch (error) {
	// Astro's own error report (file, line, hint), as `astro build` prints it.
	const { throwAndExit } = (await import(new URL('../../node_modules/astro/dist/cli/throw-and-exit.js', import.meta.url).href).catch(() => ({}))) as { throwAndExit?: (cmd: string, err: unknown) => Promise<void> };
	if (throwAndExit) await throwAndExit(command, error);
	console.error(error);
	process.exit(EXIT.failed);
}
