/**
 * A sharded build (scripts/lib/astro-build.ts, for large sites) publishes the same site as a whole
 * build. A generated content folder (3 topics, calculators on some guidelines, a draft and a moved
 * page) is built whole and then with a forced shard size of 4 guidelines (3 shards). Every page and
 * data file must be identical byte for byte (sidebar and previous/next links across shard
 * boundaries, home page lists, reference pages' "cited by", evidence maps, exports, redirects,
 * sitemap) except which client bundle file a page names (documented below). The search index is
 * not the Astro step's: the search-data step writes it from these pages, the same for both.
 * A shard that fails (shards run at once: the others are stopped) leaves the output folder as it
 * was, with no staging folder left behind, and the build names it and prints its last lines.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, listing } from '../setup/fixture-build.ts';
import { generateCorpus } from '../../scripts/lib/generate-corpus.ts';

const root = new URL('../..', import.meta.url).pathname;
// Inside the project: Astro writes a build's server chunks next to its output folder only when that
// folder is inside the project, else into the project's shared .astro/ (where another test's build
// running at the same time would delete them).
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const temp = mkdtempSync(join(root, 'node_modules', '.cache', 'eh-sharded-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const content = join(temp, 'content');
const GUIDELINES = 10;

const build = (out: string, extra: Record<string, string> = {}) => buildFixtureSite(root, { content, temp, out }, extra);

const whole = join(temp, 'whole');
const sharded = join(temp, 'sharded');
let shardedLog = '';

beforeAll(() => {
	generateCorpus({ dir: content, guidelines: GUIDELINES, claimsPerGuideline: 4, references: 10, topics: 3, repoRoot: root, islandsEvery: 5 });
	writeFileSync(join(content, 'index.mdx'), '---\ntype: page\ntitle: Fixture home\n---\n\nGenerated fixture corpus.\n');
	// A draft in the last topic: in no shard's output.
	const last = join(content, 'guidelines/topic-003');
	const [sample] = readdirSync(last).sort();
	writeFileSync(join(last, 'zz-draft.mdx'), readFileSync(join(last, sample!), 'utf8').replace(/status: \w+/, 'status: draft').replace(/title: .*/, 'title: Unpublished sharding draft question?'));
	// A moved page: its redirect page (site-wide) names the new page's title, which another shard renders.
	mkdirSync(join(temp, 'permalinks'), { recursive: true });
	writeFileSync(join(temp, 'permalinks', 'redirects.json'), JSON.stringify({ '/guidelines/old-question/': `/guidelines/topic-003/${sample!.replace(/\.mdx$/, '')}/` }));
	for (const [out, extra] of [
		[whole, {}],
		[sharded, { EH_SHARD_THRESHOLD: '0', EH_SHARD_SIZE: '4' }],
	] as const) {
		const result = build(out, extra);
		if (result.status !== 0) throw new Error(`build failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-4000)}`);
		if (out === sharded) shardedLog = result.stdout;
	}
}, 600_000);

describe('sharded build', () => {
	test('ran in several shards, after a prepare stage', () => {
		const count = Number(/▶ Shard \d+\/(\d+)/.exec(shardedLog)?.[1]);
		// 3 shards of at most 4 guidelines; 4 on a machine that runs 2 at once (a multiple of the shards at once).
		expect(count).toBeGreaterThanOrEqual(3);
		expect(shardedLog).toContain(`▶ Shard ${count}/${count}`);
		expect(shardedLog).toMatch(/✔ Prepared in/);
	});

	// The documented difference: the client bundle (hashed _astro/ files). Each shard bundles the
	// scripts and styles of its own pages, so the bundler may split or name chunks differently
	// (e.g. a CSS chunk named after the first page that uses it, Islands.<hash>.css in the whole build
	// and guideline-00001.<hash>.css in a shard; the preload helper inlined into the search script
	// in a shard whose pages have no calculators): a page may name another, equivalent asset file.
	// Everything else is compared byte for byte, with asset addresses read as one placeholder.
	const ASSET = /\/_astro\/[^"'\s()]+/g;
	const isAsset = (file: string) => file.startsWith('_astro/');
	function pagesAndData(dir: string): Map<string, Buffer> {
		const out = new Map<string, Buffer>();
		for (const file of listing(dir).filter((f) => !isAsset(f))) {
			const bytes = readFileSync(join(dir, file));
			out.set(file, /\.(html|xml|json|txt)$|^_redirects$/.test(file) ? Buffer.from(bytes.toString('utf8').replace(ASSET, '/_astro/…')) : bytes);
		}
		return out;
	}

	test('publishes the same pages, data and sitemap, byte for byte, as the whole build', () => {
		const expected = pagesAndData(whole);
		const actual = pagesAndData(sharded);
		expect(expected.size).toBeGreaterThan(GUIDELINES * 5);
		expect([...actual.keys()]).toEqual([...expected.keys()]);
		const differing = [...expected].filter(([file, bytes]) => !actual.get(file)!.equals(bytes)).map(([file]) => file);
		expect(differing).toEqual([]);
	});

	test("every asset of the whole build is in the sharded one (by name or content hash); same name, same bytes", () => {
		const hash = (file: string) => /\.([\w-]{8})\.\w+$/.exec(file)?.[1] ?? file;
		const shardedAssets = listing(sharded).filter(isAsset);
		const hashes = new Set(shardedAssets.map(hash));
		const missing = listing(whole)
			.filter(isAsset)
			.filter((f) => !hashes.has(hash(f)));
		expect(missing).toEqual([]);
		const differing = shardedAssets.filter((f) => existsSync(join(whole, f)) && !readFileSync(join(whole, f)).equals(readFileSync(join(sharded, f))));
		expect(differing).toEqual([]);
	});

	test('every asset a page of the sharded site names exists in it', () => {
		const missing = new Set<string>();
		for (const file of listing(sharded).filter((f) => f.endsWith('.html'))) {
			for (const [ref] of readFileSync(join(sharded, file), 'utf8').matchAll(/\/_astro\/[^"'\s()]+/g)) if (!existsSync(join(sharded, ref))) missing.add(ref);
		}
		expect([...missing]).toEqual([]);
	});

	test('the redirect page, built by the first shard, names the moved page another shard renders', () => {
		const redirect = readFileSync(join(sharded, 'guidelines/old-question/index.html'), 'utf8');
		expect(redirect).toMatch(/What is the recommended approach for generated question \d+\?/);
	});

	test('the draft is nowhere in either output', () => {
		expect(listing(sharded).some((f) => f.includes('zz-draft'))).toBe(false);
		expect(readFileSync(join(sharded, 'sitemap-0.xml'), 'utf8')).not.toContain('zz-draft');
	});

	test('a failing shard leaves the published output as it was, and no staging folder', () => {
		const before = listing(sharded);
		const home = readFileSync(join(sharded, 'index.html'));
		// Valid frontmatter, invalid MDX body, in the last topic: only the last shard compiles it, and fails.
		const [sample] = readdirSync(join(content, 'guidelines/topic-003')).sort();
		writeFileSync(join(content, 'guidelines/topic-003/zz-broken.mdx'), `${readFileSync(join(content, 'guidelines/topic-003', sample!), 'utf8')}\n<div\n`);
		try {
			const result = build(sharded, { EH_SHARD_THRESHOLD: '0', EH_SHARD_SIZE: '4' });
			expect(result.status).not.toBe(0);
			// The failing shard named, with its last lines (Astro's error names the file).
			expect(result.stderr).toMatch(/✘ shard (\d+)\/\1 failed \(exit 1\)\. Its last lines:/);
			expect(result.stderr.slice(result.stderr.indexOf('Its last lines:'))).toContain('zz-broken');
			expect(result.stderr).toMatch(/Astro build stopped: astro build failed in shard \d+\/\d+/);
		} finally {
			rmSync(join(content, 'guidelines/topic-003/zz-broken.mdx'));
		}
		expect(listing(sharded)).toEqual(before);
		expect(readFileSync(join(sharded, 'index.html')).equals(home)).toBe(true);
		expect(existsSync(`${sharded}.shards`)).toBe(false);
	}, 300_000);
});
