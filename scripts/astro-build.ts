/**
 * `node scripts/astro-build.ts`: the Astro step of `npm run build` — `astro build`, in shards for
 * large sites (scripts/lib/astro-build.ts). EH_SHARD_SIZE and EH_SHARD_THRESHOLD override the
 * shard size and the number of guidelines above which a build is sharded.
 */
import { astroBuild } from './lib/astro-build.ts';
import { cli, fail } from './lib/cli.ts';

cli('node scripts/astro-build.ts', {});
try {
	await astroBuild({ root: process.cwd(), env: process.env });
} catch (error) {
	fail(`Astro build stopped: ${(error as Error).message}`);
}
