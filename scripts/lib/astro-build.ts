/**
 * The Astro step of `npm run build` (and of `npm run bench`): `astro build`, in shards for sites
 * of ordinary size and up, run at once on the machine's cores (src/lib/build/shards.ts says what a
 * shard is, when a build is sharded and how many shards run at once).
 *
 * A small site is built exactly as before: one `astro build` into the output folder. A larger one:
 * 1. prepare: the site-wide work every shard reads, once (`astro sync` for Astro's content store,
 *    every reference formatted into the reference-format cache), then a copy of the content store
 *    per shard, so shards running at once never write the same file;
 * 2. the shards, as many at once as the plan says, each into `<staging>/<n>/`, their output lines
 *    prefixed `[shard i/n]`; if one fails the others are stopped and its last lines are printed;
 * 3. merged into `<staging>/site/`: the first shard's output whole (home, 404, evidence maps, public
 *    files), every other shard's share of the guideline pages, reference pages and exports and its
 *    hashed `_astro/` assets (a name two shards both wrote must hold the same bytes, else the build
 *    stops), the shards' sitemaps merged into one (merge-sitemaps.ts); then the merged site replaces
 *    the output folder. No Pagefind run here: the search-data step (scripts/search-data.ts) indexes the site.
 * If anything fails, the output folder is left as it was and the staging folder is removed:
 * nothing half-written is published.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { isGuidelineFile, planBuild, type LayoutOptions, type Machine, type Shard } from '../../src/lib/build/shards.ts';
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

/**
 * Shard options from the environment: EH_SHARD_SIZE (guidelines per shard), EH_SHARD_THRESHOLD
 * (shard above this many guidelines; 1000000: one process), EH_SHARD_CONCURRENCY (shards at once at most).
 */
export function shardOptionsFromEnv(env = process.env): LayoutOptions {
	const number = (name: string) => {
		const value = env[name];
		if (value === undefined || value === '') return undefined;
		if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number (got "${value}").`);
		return Number(value);
	};
	return { size: number('EH_SHARD_SIZE'), threshold: number('EH_SHARD_THRESHOLD'), concurrency: number('EH_SHARD_CONCURRENCY') };
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

export interface AstroBuildOptions {
	root: string;
	env: NodeJS.ProcessEnv;
	shards?: LayoutOptions;
	/** The machine to plan for (default: this one's cores and available memory). */
	machine?: Machine;
}

/** This machine: the cores Node may use and the memory available now (MemAvailable on Linux). */
export function thisMachine(): Machine {
	const constrained = process.constrainedMemory?.() ?? 0;
	const available = freemem();
	return { cores: availableParallelism(), availableBytes: constrained > 0 ? Math.min(constrained, available) : available };
}

/** Moves a file or folder, copying when it must cross file systems. */
function move(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		cpSync(from, to, { recursive: true });
		rmSync(from, { recursive: true, force: true });
	}
}

/**
 * Where the shards build: next to the output folder when it is inside the project, else inside the
 * project (node_modules/.cache). Astro writes a build's server chunks into its output folder only
 * when that is inside the working directory, else into the project's shared .astro/ folder, where
 * shards running at once would overwrite and remove each other's (astro/dist/core/build/common.js,
 * getOutDirWithinCwd).
 */
export function stagingFolder(root: string, out: string, pid = process.pid): string {
	const inside = resolve(out).startsWith(resolve(root) + sep);
	return inside ? `${out}.shards` : join(root, 'node_modules', '.cache', `eh-shards-${pid}`);
}

/** Lines of a child's output at most kept for the report of a failure. */
const TAIL_LINES = 40;

interface Child {
	label: string;
	process: ChildProcess;
	tail: string[];
	done: Promise<number | string>;
}

/**
 * Starts a child process whose output lines are written with `label` in front (so the lines of
 * shards running at once stay readable and the bench can tell them apart: scripts/lib/measure.ts),
 * keeping its last lines for the report of a failure.
 */
function startChild(label: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Child {
	const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	const tail: string[] = [];
	const relay = (stream: NodeJS.ReadableStream, write: (text: string) => void) => {
		let partial = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			const lines = (partial + chunk).split('\n');
			partial = lines.pop()!;
			if (lines.length === 0) return;
			write(lines.map((line) => `${label} ${line}\n`).join(''));
			tail.push(...lines);
			if (tail.length > TAIL_LINES) tail.splice(0, tail.length - TAIL_LINES);
		});
		stream.on('end', () => {
			if (partial) {
				write(`${label} ${partial}\n`);
				tail.push(partial);
			}
		});
	};
	relay(child.stdout!, (text) => process.stdout.write(text));
	relay(child.stderr!, (text) => process.stderr.write(text));
	const done = new Promise<number | string>((resolvePromise) => {
		child.once('error', (error) => resolvePromise(error.message));
		child.once('close', (code, signal) => resolvePromise(code ?? signal ?? 'unknown'));
	});
	return { label, process: child, tail, done };
}

/** Thrown when a child process of the build fails: names it and holds its last lines. */
class ChildFailed extends Error {}

function failure(child: Child, status: number | string, what: string): ChildFailed {
	console.error(`\n✘ ${what} failed (exit ${status}). Its last lines:\n${child.tail.map((line) => `  ${line}`).join('\n')}`);
	return new ChildFailed(`astro build failed in ${what} (exit ${status}).`);
}

/**
 * Runs `jobs` with at most `concurrency` at once. The first failure ends the others (killed) and is
 * thrown once every started child has ended.
 */
async function runAtOnce<T>(jobs: readonly T[], concurrency: number, start: (job: T) => { child: Child; what: string; finished?: () => void }): Promise<void> {
	const running = new Set<Child>();
	const kill = () => {
		for (const child of running) child.process.kill('SIGTERM');
	};
	// An interrupted build (Ctrl-C, the bench stopped) leaves no shard running.
	process.once('exit', kill);
	let failed: ChildFailed | undefined;
	let next = 0;
	try {
		await new Promise<void>((resolveAll) => {
			const launch = () => {
				while (!failed && running.size < concurrency && next < jobs.length) {
					const { child, what, finished } = start(jobs[next++]!);
					running.add(child);
					void child.done.then((status) => {
						running.delete(child);
						if (status !== 0 && !failed) {
							failed = failure(child, status, what);
							kill();
						} else if (status === 0) finished?.();
						if (running.size === 0 && (failed || next >= jobs.length)) resolveAll();
						else launch();
					});
				}
				if (running.size === 0) resolveAll();
			};
			launch();
		});
	} finally {
		process.removeListener('exit', kill);
	}
	if (failed) throw failed;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * The prepare stage of a sharded build, the site-wide work every shard reads, done once before the
 * shards run at once: `astro sync` brings Astro's content store (in Astro's cache folder) up to
 * date, and scripts/lib/prepare-references.ts formats every reference into the reference-format
 * cache, both at the same time. Then each shard gets its own copy of the content store (copied, not
 * linked: a shard rewrites it), so that no two shards write the same file.
 */
async function prepare(root: string, env: NodeJS.ProcessEnv, staging: string, plan: readonly Shard[]): Promise<string[]> {
	const started = performance.now();
	console.log(`\n▶ Prepare: content store (astro sync) and reference formats, for ${plan.length} shards`);
	await runAtOnce(['sync', 'references'] as const, 2, (job) => ({
		// The configuration of a whole-site build (no EH_SHARD): only this sync starts Vite's dev server,
		// whose dependency cache (node_modules/.vite) then stays valid for one-process builds too.
		child: job === 'sync'
			? startChild('[prepare]', [join(root, 'scripts', 'lib', 'astro-shard.ts'), 'sync'], { cwd: root, env })
			: startChild('[prepare]', [join(root, 'scripts', 'lib', 'prepare-references.ts')], { cwd: root, env }),
		what: job === 'sync' ? 'the prepare stage (astro sync)' : 'the prepare stage (formatting references)',
	}));
	const store = resolve(root, env.EH_CACHE_DIR || join('node_modules', '.astro'));
	const caches = plan.map((shard) => {
		const cache = join(staging, `astro-cache-${shard.index}`);
		mkdirSync(cache, { recursive: true });
		for (const name of ['data-store.json', 'data-store']) {
			if (existsSync(join(store, name))) cpSync(join(store, name), join(cache, name), { recursive: true });
		}
		return cache;
	});
	console.log(`✔ Prepared in ${seconds(started)}`);
	return caches;
}

/** Runs the Astro step; throws (output folder untouched when sharded) if it fails. Returns the plan it followed. */
export async function astroBuild({ root, env, shards: shardOptions, machine }: AstroBuildOptions): Promise<Shard[]> {
	const contentDir = contentFolder(root);
	const out = outFolder(root);
	const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	const prefix = `${toPosix(relative(root, contentDir))}/`;
	const { shards: plan, concurrency } = planBuild(docsFiles(root, contentDir), prefix, machine ?? thisMachine(), shardOptions ?? shardOptionsFromEnv(env));
	if (plan.length === 1) {
		const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit', env });
		if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status ?? result.signal}).`);
		return plan;
	}
	const staging = stagingFolder(root, out);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	try {
		const planFiles = plan.map((shard) => {
			const file = join(staging, `shard-${shard.index}.json`);
			writeFileSync(file, JSON.stringify(shard));
			return file;
		});
		const caches = await prepare(root, env, staging, plan);
		const dirs = plan.map((shard) => join(staging, String(shard.index)));
		const building = performance.now();
		console.log(`\n▶ ${plan.length} shards, ${concurrency} at a time (${concurrency > 1 ? 'their lines start with [shard i/n]' : 'one after the other'})`);
		await runAtOnce(plan, concurrency, (shard) => {
			const started = performance.now();
			const guidelines = shard.files.filter((f) => isGuidelineFile(f, prefix)).length;
			const name = `${shard.index + 1}/${shard.count}`;
			console.log(`▶ Shard ${name}: ${guidelines} guidelines${shard.siteWide ? ' and the site-wide pages' : ''}`);
			return {
				child: startChild(`[shard ${name}]`, [join(root, 'scripts', 'lib', 'astro-shard.ts'), 'build'], { cwd: root, env: { ...env, EH_SHARD: planFiles[shard.index]!, EH_OUT_DIR: dirs[shard.index]!, EH_ASTRO_CACHE_DIR: caches[shard.index]! } }),
				what: `shard ${name}`,
				finished: () => console.log(`✔ Shard ${name} (${seconds(started)})`),
			};
		});
		console.log(`✔ ${plan.length} shards built in ${seconds(building)}`);
		const site = join(staging, 'site');
		const merging = performance.now();
		const moved = mergeShardOutputs(dirs, site);
		console.log(`✔ Merged ${plan.length} shards (${moved} files from shards 2–${plan.length}) in ${((performance.now() - merging) / 1000).toFixed(1)} s`);
		rmSync(out, { recursive: true, force: true });
		move(site, out);
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	return plan;
}
