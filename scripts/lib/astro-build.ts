/**
 * The Astro step of `npm run build` (and of `npm run bench`): `astro build`, sharded for large
 * sites so that memory stays bounded (src/lib/build/shards.ts says what a shard is and why).
 *
 * A site with ≤ SHARD_THRESHOLD guidelines is built exactly as before: one `astro build` into the
 * output folder, Pagefind run by Starlight. A larger one is built shard by shard into
 * `<out>.shards/<n>/`, then merged into `<out>.shards/site/`: the first shard's output whole
 * (home, 404, evidence maps, public files), every other shard's share of the guideline pages,
 * reference pages and exports and its hashed `_astro/` assets (a name two shards both wrote must hold the same bytes, else the build stops),
 * the shards' sitemaps merged into one (merge-sitemaps.ts); then Pagefind indexes the merged site
 * once and the merged site replaces the output folder. If anything fails, the output folder is
 * left as it was and the staging folder is removed: nothing half-written is published.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { isGuidelineFile, planShards, type Shard, type ShardOptions } from '../../src/lib/build/shards.ts';
import { mergeSitemaps, type ShardSitemap } from '../../src/lib/build/merge-sitemaps.ts';
import { contentDir as contentFolder, outDir as outFolder } from '../../src/lib/paths.ts';

const toPosix = (path: string) => path.split(sep).join('/');

/** Every docs page of the content folder, as Astro records entry paths (src/content.config.ts's pattern). */
export function docsFiles(root: string, contentDir: string): string[] {
	return readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.mdx?$/.test(f) && posix.basename(toPosix(f)) !== 'README.md')
		.map((f) => toPosix(relative(root, join(contentDir, f))))
		.sort();
}

/** Shard options from the environment: EH_SHARD_SIZE (guidelines per shard), EH_SHARD_THRESHOLD. */
export function shardOptionsFromEnv(env = process.env): ShardOptions {
	const number = (name: string) => {
		const value = env[name];
		if (value === undefined || value === '') return undefined;
		if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number (got "${value}").`);
		return Number(value);
	};
	return { size: number('EH_SHARD_SIZE'), threshold: number('EH_SHARD_THRESHOLD') };
}

function files(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).map(toPosix);
}

const SITEMAP_CHUNK = /^sitemap-\d+\.xml$/;
/** Output shared out between shards (each file rendered by one shard): guideline pages, reference pages, exports. */
const SHARED_OUT = /^(guidelines|references|export)\//;

function readSitemap(dir: string): ShardSitemap {
	const chunks = readdirSync(dir)
		.filter((f) => SITEMAP_CHUNK.test(f))
		.sort((a, b) => Number(a.slice(8, -4)) - Number(b.slice(8, -4)))
		.map((f) => readFileSync(join(dir, f), 'utf8'));
	const index = join(dir, 'sitemap-index.xml');
	return { index: existsSync(index) ? readFileSync(index, 'utf8') : '', chunks };
}

/**
 * Merges shard outputs (in shard order, the first one site-wide) into `site`, moving files.
 * Returns the number of files taken from later shards.
 */
export function mergeShardOutputs(shardDirs: readonly string[], site: string): number {
	const [first, ...rest] = shardDirs;
	if (!first) throw new Error('No shard output to merge.');
	const sitemaps = shardDirs.map(readSitemap);
	renameSync(first, site);
	let moved = 0;
	for (const dir of rest) {
		for (const file of files(dir)) {
			if (file === 'sitemap-index.xml' || SITEMAP_CHUNK.test(file)) continue;
			const from = join(dir, file);
			const to = join(site, file);
			if (existsSync(to)) {
				if (file.startsWith('_astro/')) {
					// Hashed names: the same name must be the same bytes.
					if (!readFileSync(from).equals(readFileSync(to))) throw new Error(`Two shards wrote different files named ${file}: the merged site would be wrong. Build without sharding (EH_SHARD_THRESHOLD=1000000) and report this.`);
					continue;
				}
				// Guideline pages, reference pages and exports are shared out: each is rendered by exactly one shard.
				if (SHARED_OUT.test(file)) throw new Error(`Two shards rendered ${file}: a shard rendered pages outside its share (src/lib/vite/shard-filter.ts, siteWideShare in src/lib/build/shards.ts).`);
				// Output every shard writes (404, the evidence map page, public files, _redirects): the first shard's is kept.
				continue;
			}
			mkdirSync(dirname(to), { recursive: true });
			renameSync(from, to);
			moved++;
		}
	}
	const merged = mergeSitemaps(sitemaps.filter((s) => s.chunks.length > 0));
	for (const f of readdirSync(site)) if (SITEMAP_CHUNK.test(f)) rmSync(join(site, f));
	merged.chunks.forEach((chunk, i) => writeFileSync(join(site, `sitemap-${i}.xml`), chunk));
	writeFileSync(join(site, 'sitemap-index.xml'), merged.index);
	return moved;
}

/** Pagefind over the merged site, as Starlight runs it (dist/integrations/pagefind.js). */
async function runPagefind(site: string): Promise<void> {
	const started = performance.now();
	try {
		const check = <T extends { errors: string[] }>(response: T): T => {
			if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
			return response;
		};
		const { index } = check(await pagefind.createIndex());
		if (!index) throw new Error('Pagefind: no index created.');
		const { page_count } = check(await index.addDirectory({ path: site }));
		console.log(`[pagefind] Found ${page_count} HTML files.`);
		check(await index.writeFiles({ outputPath: join(site, 'pagefind') }));
	} finally {
		await pagefind.close();
	}
	const ms = performance.now() - started;
	// Same wording as Starlight's, which the bench reads (scripts/lib/measure.ts).
	console.log(`[pagefind] Finished building search index in ${ms < 750 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(2)}s`}.`);
}

export interface AstroBuildOptions {
	root: string;
	env: NodeJS.ProcessEnv;
	shards?: ShardOptions;
}

/** Runs the Astro step; throws (output folder untouched when sharded) if it fails. Returns the plan it followed. */
export async function astroBuild({ root, env, shards: shardOptions }: AstroBuildOptions): Promise<Shard[]> {
	const contentDir = contentFolder(root);
	const out = outFolder(root);
	const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const prefix = `${toPosix(relative(root, contentDir))}/`;
	const plan = planShards(docsFiles(root, contentDir), prefix, shardOptions ?? shardOptionsFromEnv(env));
	const run = (extra: Record<string, string>) => {
		const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit', env: { ...env, ...extra } });
		if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status ?? result.signal}).`);
	};
	if (plan.length === 1) {
		run({});
		return plan;
	}
	const staging = `${out}.shards`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		const dirs: string[] = [];
		for (const shard of plan) {
			const started = performance.now();
			const planFile = join(staging, `shard-${shard.index}.json`);
			writeFileSync(planFile, JSON.stringify(shard));
			const dir = join(staging, String(shard.index));
			const guidelines = shard.files.filter((f) => isGuidelineFile(f, prefix)).length;
			console.log(`\n▶ Shard ${shard.index + 1}/${shard.count}: ${guidelines} guidelines${shard.siteWide ? ' and the site-wide pages' : ''}`);
			run({ EH_SHARD: planFile, EH_OUT_DIR: dir });
			dirs.push(dir);
			console.log(`✔ Shard ${shard.index + 1}/${shard.count} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
		}
		const site = join(staging, 'site');
		const merging = performance.now();
		const moved = mergeShardOutputs(dirs, site);
		console.log(`✔ Merged ${plan.length} shards (${moved} files from shards 2–${plan.length}) in ${((performance.now() - merging) / 1000).toFixed(1)} s`);
		await runPagefind(site);
		rmSync(out, { recursive: true, force: true });
		renameSync(site, out);
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	return plan;
}
