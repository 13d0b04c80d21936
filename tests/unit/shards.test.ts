/**
 * Sharded builds: how the docs pages are split (src/lib/build/shards.ts), how a shard's build is
 * cut to its pages (src/lib/vite/shard-filter.ts, including against the installed Starlight), and
 * how shard outputs and sitemaps are merged (scripts/lib/astro-build.ts, merge-sitemaps.ts).
 * The end-to-end proof (a sharded build equals the whole build) is tests/site/sharded-build.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { chooseLayout, estimateShardPeakBytes, memoryBudget, MIN_SHARD_SIZE, PARALLEL_THRESHOLD, planBuild, planShards, SHARD_SIZE, SHARD_THRESHOLD, shareRange, type Machine } from '../../src/lib/build/shards.ts';
import { stagingFolder } from '../../scripts/lib/astro-build.ts';
import { filterContentModules, filterStarlightPaths } from '../../src/lib/vite/shard-filter.ts';
import { mergeSitemaps } from '../../src/lib/build/merge-sitemaps.ts';
import { mergeShardOutputs } from '../../scripts/lib/astro-build.ts';

const guideline = (topic: string, n: number) => `content/guidelines/${topic}/g-${String(n).padStart(3, '0')}.mdx`;
const others = ['content/index.mdx', 'content/editor-guide.md', 'content/editorial-policy.mdx'];

describe('planShards', () => {
	const site = [...others, ...Array.from({ length: 7 }, (_, i) => guideline('b-topic', i)), ...Array.from({ length: 5 }, (_, i) => guideline('a-topic', i))];

	test('a site at or under the threshold is one shard with every page', () => {
		const plan = planShards(site, 'content/', { threshold: 12, size: 2 });
		expect(plan).toEqual([{ index: 0, count: 1, siteWide: true, files: [...site].sort() }]);
	});

	test('above the threshold: near-equal runs of at most `size` guidelines in path order, other pages in the first shard', () => {
		const plan = planShards(site, 'content/', { threshold: 11, size: 5 });
		expect(plan.map((s) => s.files.filter((f) => f.includes('/guidelines/')).length)).toEqual([4, 4, 4]);
		expect(plan.map((s) => [s.index, s.count, s.siteWide])).toEqual([[0, 3, true], [1, 3, false], [2, 3, false]]);
		expect(plan[0]!.files.slice(0, 3)).toEqual([...others].sort());
		// Every page in exactly one shard; a topic's guidelines stay together where they fit.
		const all = plan.flatMap((s) => s.files);
		expect(all.sort()).toEqual([...site].sort());
		expect(plan[0]!.files.filter((f) => f.includes('/guidelines/'))).toEqual(Array.from({ length: 4 }, (_, i) => guideline('a-topic', i)));
	});

	test('a shard size of 1 gives one guideline per shard', () => {
		const plan = planShards(site, 'content/', { threshold: 0, size: 1 });
		expect(plan).toHaveLength(12);
		expect(plan.every((s) => s.files.filter((f) => f.includes('/guidelines/')).length === 1)).toBe(true);
	});

	test('a content folder elsewhere (relative path with ..) is recognised', () => {
		const files = ['../x/content/index.mdx', '../x/content/guidelines/t/a.mdx', '../x/content/guidelines/t/b.mdx'];
		const plan = planShards(files, '../x/content/', { threshold: 1, size: 1 });
		expect(plan.map((s) => s.files)).toEqual([['../x/content/index.mdx', '../x/content/guidelines/t/a.mdx'], ['../x/content/guidelines/t/b.mdx']]);
	});

	test('a shard size below 1 is refused with the value named', () => {
		expect(() => planShards(site, 'content/', { threshold: 0, size: 0 })).toThrow(/at least 1 \(got 0\)/);
	});
});

describe('chooseLayout (shards and how many at once, from cores and memory)', () => {
	const GIB = 2 ** 30;
	const twoCores: Machine = { cores: 2, availableBytes: 18 * GIB };
	const oneCore: Machine = { cores: 1, availableBytes: 18 * GIB };

	test('a small site is one process, whatever the machine', () => {
		for (const machine of [twoCores, oneCore, { cores: 16, availableBytes: 64 * GIB }]) {
			expect(chooseLayout(30, machine)).toEqual({ shards: 1, concurrency: 1 });
			expect(chooseLayout(PARALLEL_THRESHOLD, machine)).toEqual({ shards: 1, concurrency: 1 });
		}
	});

	test('above the parallel threshold, a machine with two cores builds two shards at once', () => {
		expect(chooseLayout(PARALLEL_THRESHOLD + 1, twoCores)).toEqual({ shards: 2, concurrency: 2 });
		expect(chooseLayout(1000, twoCores)).toEqual({ shards: 2, concurrency: 2 });
	});

	test('one core: one process up to the memory threshold, then shards one after the other', () => {
		expect(chooseLayout(1000, oneCore)).toEqual({ shards: 1, concurrency: 1 });
		expect(chooseLayout(SHARD_THRESHOLD, oneCore)).toEqual({ shards: 1, concurrency: 1 });
		expect(chooseLayout(5000, oneCore)).toEqual({ shards: 3, concurrency: 1 });
	});

	test('the number of shards is a multiple of the shards at once (every core busy to the end)', () => {
		expect(chooseLayout(5000, twoCores)).toEqual({ shards: 4, concurrency: 2 });
		const four = chooseLayout(5000, { cores: 4, availableBytes: 64 * GIB });
		expect(four.concurrency).toBe(4);
		expect(four.shards % 4).toBe(0);
		expect(chooseLayout(1000, { cores: 4, availableBytes: 64 * GIB })).toEqual({ shards: 4, concurrency: 4 });
	});

	test('the shards at once never exceed the memory budget (8 GiB at most, less on a machine with less available)', () => {
		for (const guidelines of [1000, 5000, 12000, 30000]) {
			for (const machine of [twoCores, { cores: 8, availableBytes: 64 * GIB }, { cores: 4, availableBytes: 6 * GIB }, { cores: 2, availableBytes: 4 * GIB }]) {
				const { shards, concurrency } = chooseLayout(guidelines, machine);
				const peak = estimateShardPeakBytes(Math.ceil(guidelines / shards), guidelines);
				if (concurrency > 1) expect(concurrency * peak).toBeLessThanOrEqual(memoryBudget(machine));
				expect(memoryBudget(machine)).toBeLessThanOrEqual(8 * GIB);
				expect(Math.ceil(guidelines / shards)).toBeLessThanOrEqual(SHARD_SIZE);
			}
		}
	});

	test('at 12,000 guidelines on two cores and 18 GiB: two at once, shards made smaller to fit rather than one at a time', () => {
		const { shards, concurrency } = chooseLayout(12000, twoCores);
		expect(concurrency).toBe(2);
		expect(shards % 2).toBe(0);
		expect(Math.ceil(12000 / shards)).toBeGreaterThanOrEqual(MIN_SHARD_SIZE);
	});

	test('little memory: fewer shards at once', () => {
		expect(chooseLayout(5000, { cores: 8, availableBytes: 6 * GIB }).concurrency).toBeLessThan(8);
		expect(chooseLayout(12000, { cores: 2, availableBytes: 3 * GIB })).toMatchObject({ concurrency: 1 });
	});

	test('options: a threshold, a size and a concurrency override the defaults', () => {
		expect(chooseLayout(1000, twoCores, { threshold: 1000000 })).toEqual({ shards: 1, concurrency: 1 });
		expect(chooseLayout(12, twoCores, { threshold: 0, size: 4 })).toEqual({ shards: 4, concurrency: 2 });
		expect(chooseLayout(12, twoCores, { threshold: 0, size: 4, concurrency: 1 })).toEqual({ shards: 3, concurrency: 1 });
		expect(chooseLayout(1000, twoCores, { concurrency: 1 })).toEqual({ shards: 1, concurrency: 1 });
		expect(() => chooseLayout(10, twoCores, { size: 0 })).toThrow(/at least 1 \(got 0\)/);
	});

	test('planBuild: the shards of the layout, every page once', () => {
		const files = [...others, ...Array.from({ length: 10 }, (_, i) => guideline('t', i))];
		const { shards, concurrency } = planBuild(files, 'content/', twoCores, { threshold: 0, size: 4 });
		expect(concurrency).toBe(2);
		expect(shards.map((s) => s.files.filter((f) => f.includes('/guidelines/')).length)).toEqual([3, 3, 2, 2]);
		expect(shards.flatMap((s) => s.files).sort()).toEqual([...files].sort());
		expect(planBuild(files, 'content/', twoCores)).toEqual({ shards: [{ index: 0, count: 1, siteWide: true, files: [...files].sort() }], concurrency: 1 });
	});
});

describe('stagingFolder', () => {
	test('next to an output folder inside the project; inside the project for one outside it (Astro puts server chunks in the shared .astro/ otherwise)', () => {
		expect(stagingFolder('/p', '/p/dist', 7)).toBe('/p/dist.shards');
		expect(stagingFolder('/p', '/tmp/out', 7)).toBe('/p/node_modules/.cache/eh-shards-7');
		expect(stagingFolder('/p', '/pp/dist', 7)).toBe('/p/node_modules/.cache/eh-shards-7');
	});
});

describe('shareRange', () => {
	test('near-equal contiguous runs that cover every item once', () => {
		for (const [length, count] of [[10, 3], [3, 5], [0, 2], [12, 4], [7, 1]] as const) {
			const runs = Array.from({ length: count }, (_, i) => shareRange(length, i, count));
			expect(runs[0]!.from).toBe(0);
			expect(runs.at(-1)!.to).toBe(length);
			runs.slice(1).forEach((run, i) => expect(run.from).toBe(runs[i]!.to));
			const sizes = runs.map((r) => r.to - r.from);
			expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
		}
		expect(Array.from({ length: 3 }, (_, i) => shareRange(10, i, 3))).toEqual([{ from: 0, to: 4 }, { from: 4, to: 7 }, { from: 7, to: 10 }]);
	});
});

describe('shard filter', () => {
	const modules = `
export default new Map([
["content/guidelines/t/a.mdx", () => import("astro:content-layer-deferred-module?fileName=content%2Fguidelines%2Ft%2Fa.mdx&astroContentModuleFlag=true")],
["content/guidelines/t/b.mdx", () => import("astro:content-layer-deferred-module?fileName=content%2Fguidelines%2Ft%2Fb.mdx&astroContentModuleFlag=true")],
["content/index.mdx", () => import("astro:content-layer-deferred-module?fileName=content%2Findex.mdx&astroContentModuleFlag=true")]]);
		`;

	test("content-modules.mjs keeps the shard's MDX modules only", async () => {
		const code = filterContentModules(modules, new Set(['content/guidelines/t/b.mdx', 'content/index.mdx']));
		expect(code).not.toContain('t/a.mdx');
		expect(code).toContain('"content/guidelines/t/b.mdx"');
		expect(code).toContain('"content/index.mdx"');
		// Still a module with a Map of the kept entries.
		const map = (await import(`data:text/javascript,${encodeURIComponent(code.replace(/import\("[^"]*"\)/g, '0'))}`)).default as Map<string, unknown>;
		expect([...map.keys()]).toEqual(['content/guidelines/t/b.mdx', 'content/index.mdx']);
	});

	test('an empty map is left alone; an unknown line format stops the build', () => {
		expect(filterContentModules('export default new Map();', new Set())).toBe('export default new Map();');
		expect(() => filterContentModules('export default new Map([\n["a.mdx", () => load("a")]]);', new Set())).toThrow(/content-modules\.mjs.*has Astro changed/);
	});

	test("the installed Starlight's routing module is cut to the shard's pages", () => {
		const routing = new URL('../../node_modules/@astrojs/starlight/dist/utils/routing/index.js', import.meta.url);
		const code = filterStarlightPaths(readFileSync(routing, 'utf8'), new Set(['content/guidelines/t/a.mdx']));
		expect(code).toContain('__shardFiles.has(route.entry.filePath)');
		expect(code).toContain('"content/guidelines/t/a.mdx"');
	});

	test('a Starlight without the expected getPaths() stops the build', () => {
		expect(() => filterStarlightPaths('function getPaths() { return []; }', new Set())).toThrow(/getPaths\(\) was not found/);
	});
});

describe('mergeSitemaps', () => {
	const head = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
	const urlset = (...locs: string[]) => `${head}${locs.map((l) => `<url><loc>https://x.example${l}</loc></url>`).join('')}</urlset>`;
	const index = '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.example/sitemap-0.xml</loc></sitemap></sitemapindex>';

	test('union of the shards, each address once (the first shard wins), sorted as @astrojs/sitemap sorts', () => {
		const merged = mergeSitemaps([
			{ index, chunks: [urlset('/', '/evidence-map/', '/guidelines/t/g-10/')] },
			{ index, chunks: [urlset('/evidence-map/', '/guidelines/t/g-9/', '/guidelines/t/g-2/')] },
		]);
		expect(merged.chunks).toEqual([urlset('/', '/evidence-map/', '/guidelines/t/g-2/', '/guidelines/t/g-9/', '/guidelines/t/g-10/')]);
		expect(merged.index).toBe(index);
	});

	test('above the entry limit: several chunks, all named in the index', () => {
		const merged = mergeSitemaps([{ index, chunks: [urlset('/a/', '/b/')] }, { index, chunks: [urlset('/c/')] }], 2);
		expect(merged.chunks).toEqual([urlset('/a/', '/b/'), urlset('/c/')]);
		expect(merged.index).toContain('<sitemap><loc>https://x.example/sitemap-0.xml</loc></sitemap><sitemap><loc>https://x.example/sitemap-1.xml</loc></sitemap></sitemapindex>');
	});
});

describe('mergeShardOutputs', () => {
	let temp: string | undefined;
	afterEach(() => temp && rmSync(temp, { recursive: true, force: true }));
	const sitemap = (loc: string) => `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example${loc}</loc></url></urlset>`;
	const index = '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.example/sitemap-0.xml</loc></sitemap></sitemapindex>';
	function shardDir(name: string, files: Record<string, string>): string {
		const dir = join(temp!, name);
		for (const [file, text] of Object.entries(files)) {
			mkdirSync(dirname(join(dir, file)), { recursive: true });
			writeFileSync(join(dir, file), text);
		}
		return dir;
	}

	test("the first shard whole, later shards' pages and new assets; sitemaps merged", () => {
		temp = mkdtempSync(join(tmpdir(), 'eh-merge-'));
		const a = shardDir('0', { 'index.html': 'home', '404.html': 'not found 0', '_astro/x.1.js': 'x', 'guidelines/t/a/index.html': 'A', 'sitemap-0.xml': sitemap('/guidelines/t/a/'), 'sitemap-index.xml': index });
		const b = shardDir('1', { '404.html': 'not found 1', '_astro/x.1.js': 'x', '_astro/y.2.js': 'y', 'guidelines/t/b/index.html': 'B', 'sitemap-0.xml': sitemap('/guidelines/t/b/'), 'sitemap-index.xml': index });
		const site = join(temp!, 'site');
		expect(mergeShardOutputs([a, b], site)).toBe(2);
		const read = (f: string) => readFileSync(join(site, f), 'utf8');
		expect(read('404.html')).toBe('not found 0');
		expect(read('guidelines/t/b/index.html')).toBe('B');
		expect(read('_astro/y.2.js')).toBe('y');
		expect(read('sitemap-0.xml')).toContain('/guidelines/t/a/</loc></url><url><loc>https://x.example/guidelines/t/b/');
		expect(existsSync(join(site, 'sitemap-1.xml'))).toBe(false);
	});

	test('an asset name with different bytes, or a guideline page from two shards, stops the merge', () => {
		temp = mkdtempSync(join(tmpdir(), 'eh-merge-'));
		const base = { 'index.html': 'home', 'sitemap-0.xml': sitemap('/'), 'sitemap-index.xml': index };
		expect(() => mergeShardOutputs([shardDir('0', { ...base, '_astro/x.1.js': 'x' }), shardDir('1', { '_astro/x.1.js': 'other' })], join(temp!, 'site'))).toThrow(/different files named _astro\/x\.1\.js/);
		expect(() => mergeShardOutputs([shardDir('2', { ...base, 'guidelines/t/a/index.html': 'A' }), shardDir('3', { 'guidelines/t/a/index.html': 'A' })], join(temp!, 'site2'))).toThrow(/Two shards rendered guidelines\/t\/a\/index\.html/);
		expect(() => mergeShardOutputs([shardDir('4', { ...base, 'references/r/index.html': 'R' }), shardDir('5', { 'references/r/index.html': 'R' })], join(temp!, 'site3'))).toThrow(/Two shards rendered references\/r\/index\.html/);
	});
});
