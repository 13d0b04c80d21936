/**
 * `npm run bench:search`: search relevance and cost, measured through the real index and the real
 * search dialog in Chromium (playwright-core, /usr/bin/chromium or $CHROMIUM_PATH).
 *
 * Uses dist/ when it holds a search index, otherwise builds (`--build` always builds). Serves the
 * site gzipped, as static hosts do, opens a guideline page, checks that nothing of search is fetched
 * before search opens, opens search with Ctrl+K and types each query of the query set
 * (tests/search/queries.tsv, or `--queries <file>`), reading the result links in order.
 * Reports top-1, top-3 and MRR (a result counts when its statement or its section is one of the
 * expected ids, or its page is the expected path), the bytes the first search transfers and the
 * time later queries take. `--json` prints the figures as JSON; `--misses` lists queries missed.
 *
 * `--first-search` measures only what the first search transfers, on any built site (`--site`, e.g.
 * a scale benchmark's output kept with `npm run bench -- --keep`): each query (`--query`, repeatable;
 * else the query set's first five) typed in a fresh browser, the bytes split into Pagefind's parts
 * (pagefind.js, wasm, entry, metadata, filters, index chunks, page fragments or the compact index's
 * page files) and ours (dialog, vocabulary, terms), so each part's growth with the site can be
 * extrapolated. A site built without npm run build's search-data step (a kept scale benchmark) gets
 * it first, so it is measured as npm run build publishes it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { chromium, type Page } from 'playwright-core';
import { outDir as builtSite } from '../src/lib/paths.ts';
import { cli, EXIT, fail, usageError } from './lib/cli.ts';
import { searchPart } from './lib/search-parts.ts';

const USAGE = 'npm run bench:search -- [--build] [--queries <file.tsv>] [--json] [--misses] | --first-search [--site <built-site>] [--query <text>]…';

export interface Query {
	query: string;
	expected: string[];
}

/** Reads a query set: tab-separated query and expected ids (`|`-separated); '#' lines and the header are skipped. */
export function readQueries(text: string): Query[] {
	return text
		.split('\n')
		.filter((line) => line.trim() && !line.startsWith('#'))
		.map((line) => line.split('\t'))
		.filter(([q, e]) => q && e && !(q === 'query' && e === 'expected'))
		.map(([q, e]) => ({ query: q!.trim(), expected: e!.split('|').map((x) => x.trim()).filter(Boolean) }));
}

interface Shown {
	href: string;
	id: string;
	sections: string[];
}

/** Whether a shown result is one of the expected places. */
export function hits(result: Shown, expected: readonly string[]): boolean {
	const url = new URL(result.href, 'http://x');
	return expected.some((e) => {
		if (e.startsWith('/')) {
			const [path, hash] = e.split('#');
			return url.pathname === path && (!hash || url.hash === `#${hash}`);
		}
		return result.id === e || result.sections.includes(e);
	});
}

if (import.meta.main) {
	const { values } = cli(USAGE, {
		options: {
			build: { type: 'boolean' },
			queries: { type: 'string' },
			json: { type: 'boolean' },
			misses: { type: 'boolean' },
			'first-search': { type: 'boolean' },
			site: { type: 'string' },
			query: { type: 'string', multiple: true },
		},
	});
	const flag = (name: '--build' | '--json' | '--misses') => values[name.slice(2) as 'build' | 'json' | 'misses'] === true;
	const outDir = values.site ? resolve(values.site) : builtSite();
	if (values['first-search']) {
		const queriesFile = resolve(values.queries ?? 'tests/search/queries.tsv');
		const typed = values.query?.length ? values.query : readQueries(readFileSync(queriesFile, 'utf8')).slice(0, 5).map((q) => q.query);
		await reportFirstSearch(outDir, typed, flag('--json'));
		process.exit(EXIT.ok);
	}
	const queriesFile = resolve(values.queries ?? 'tests/search/queries.tsv');
	if (!existsSync(queriesFile)) usageError(`No query file at ${queriesFile}.`, USAGE);
	if (flag('--build') || !existsSync(join(outDir, 'search/terms.json')) || !existsSync(join(outDir, 'pagefind'))) {
		console.log('Building the site (npm run build)…');
		const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
		if (build.status !== 0) fail('npm run build failed (errors above).');
	}
	const queries = readQueries(readFileSync(queriesFile, 'utf8'));
	if (!queries.length) usageError(`No queries in ${queriesFile}: expected lines of "query<TAB>expected-id".`, USAGE);
	const guidelines = join(outDir, 'guidelines');
	const pagePath = findGuidelinePage(guidelines, '/guidelines/');
	if (!pagePath) fail(`No guideline page in ${guidelines}.`);

	const { server, base } = await serveGzipped(outDir);

	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
		const urls = new Map<string, string>();
		let transferred: { url: string; bytes: number }[] = [];
		cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
		cdp.on('Network.loadingFinished', (e) => transferred.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }));

		await page.goto(base + pagePath, { waitUntil: 'networkidle' });
		const before = transferred.map((t) => t.url).filter((u) => /\/pagefind\/|\/search\/|dialog/.test(u));
		const pageBytes = transferred.reduce((n, t) => n + t.bytes, 0);
		transferred = [];

		const run = (query: string) => typeQuery(page, query);

		const opened = performance.now();
		await page.keyboard.press('Control+k');
		await page.locator('dialog.eh-search input[type="search"]').waitFor();
		const first = await run(queries[0]!.query);
		const firstSearchMs = performance.now() - opened;
		await page.waitForLoadState('networkidle');
		const firstBytes = transferred.reduce((n, t) => n + t.bytes, 0);
		const firstFiles = transferred.map((t) => `${new URL(t.url).pathname} ${(t.bytes / 1024).toFixed(1)} KB`);

		let top1 = 0;
		let top3 = 0;
		let rr = 0;
		const latencies: number[] = [];
		const timed: [string, number][] = [];
		const misses: string[] = [];
		for (const [i, q] of queries.entries()) {
			const r = i === 0 ? first : await run(q.query);
			if (i > 0) {
				latencies.push(r.ms);
				timed.push([q.query, r.ms]);
			}
			const rank = r.shown.findIndex((s) => hits(s, q.expected));
			if (rank === 0) top1++;
			if (rank >= 0 && rank < 3) top3++;
			if (rank >= 0) rr += 1 / (rank + 1);
			if (rank < 0 || rank >= 3) misses.push(`${rank < 0 ? 'miss' : `#${rank + 1}`}  "${q.query}" → expected ${q.expected.join(' | ')}; got ${r.shown.slice(0, 3).map((s) => s.id || s.href).join(', ') || `nothing (${r.status.trim()})`}`);
		}
		// The same queries again: index chunks and pages are then in memory, so this is the search's
		// own computing time (best of three runs per query).
		const repeat: number[] = [];
		const repeatTimed: [string, number][] = [];
		for (const q of queries.slice(1)) {
			// Best of three: the machine's other work (a shared CI runner) adds noise, not the search.
			const ms = Math.min((await run(q.query)).ms, (await run(q.query)).ms, (await run(q.query)).ms);
			repeat.push(ms);
			repeatTimed.push([q.query, ms]);
		}
		repeat.sort((a, b) => a - b);
		latencies.sort((a, b) => a - b);
		const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
		const figures = {
			queries: queries.length,
			top1: top1 / queries.length,
			top3: top3 / queries.length,
			mrr: rr / queries.length,
			page: pagePath,
			pageBytesBeforeOpen: pageBytes,
			searchFilesBeforeOpen: before,
			firstSearchBytes: firstBytes,
			firstSearchMs: Math.round(firstSearchMs),
			laterQueryMsMedian: Number(pct(0.5).toFixed(1)),
			laterQueryMsP95: Number(pct(0.95).toFixed(1)),
			laterQueryMsMax: Number((latencies.at(-1) ?? 0).toFixed(1)),
			repeatQueryMsMedian: Number((repeat[Math.floor(repeat.length / 2)] ?? 0).toFixed(1)),
			repeatQueryMsP95: Number((repeat[Math.min(repeat.length - 1, Math.floor(0.95 * repeat.length))] ?? 0).toFixed(1)),
		};
		if (flag('--json')) console.log(JSON.stringify({ ...figures, misses }, null, 2));
		else {
			const pctf = (x: number) => `${(x * 100).toFixed(1)}%`;
			console.log(`Search benchmark: ${queries.length} queries (${queriesFile}) on ${pagePath}`);
			console.log(`  top-1 ${pctf(figures.top1)}   top-3 ${pctf(figures.top3)}   MRR ${figures.mrr.toFixed(3)}   (targets: top-3 ≥ 90%, MRR ≥ 0.8)`);
			console.log(`  before search opens: ${before.length ? `FETCHED ${before.join(', ')}` : 'nothing of search fetched'}`);
			console.log(`  first search: ${(firstBytes / 1024).toFixed(1)} KB transferred (gzip; target ≤ 120 KB), ${figures.firstSearchMs} ms from Ctrl+K to results`);
			for (const f of firstFiles) console.log(`    ${f}`);
			console.log(`  later queries, first time (fetching index parts and pages as needed): median ${figures.laterQueryMsMedian} ms, p95 ${figures.laterQueryMsP95} ms, max ${figures.laterQueryMsMax} ms (target < 50 ms)`);
			console.log(`  repeated queries (index parts in memory, best of 3): median ${figures.repeatQueryMsMedian} ms, p95 ${figures.repeatQueryMsP95} ms`);
			const slowest = (list: [string, number][]) => list.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([q, ms]) => `"${q}" ${ms.toFixed(0)} ms`).join(', ');
			console.log(`  slowest first time: ${slowest(timed)}; repeated: ${slowest(repeatTimed)}`);
			if (flag('--misses') || misses.length <= 15) for (const m of misses) console.log(`  ${m}`);
			else console.log(`  ${misses.length} queries not in the top 3 (--misses lists them)`);
		}
		const met = figures.top3 >= 0.9 && figures.mrr >= 0.8 && before.length === 0 && firstBytes <= 120 * 1024 && figures.repeatQueryMsP95 < 50;
		if (!flag('--json')) console.log(met ? '✔ all targets met' : '✘ some targets not met');
	} finally {
		await browser.close();
		server.close();
	}
}

/** Types a query into the open search dialog; resolves with what it shows once it has searched. */
function typeQuery(page: Page, query: string) {
	return page.evaluate(async (q) => {
		const dialog = document.querySelector('dialog.eh-search') as HTMLDialogElement;
		const input = dialog.querySelector('input[type="search"]') as HTMLInputElement;
		const done = new Promise<void>((r) => {
			const observer = new MutationObserver(() => {
				if (dialog.dataset.query === q) {
					observer.disconnect();
					r();
				}
			});
			observer.observe(dialog, { attributes: true, attributeFilter: ['data-query'] });
		});
		input.value = q;
		input.dispatchEvent(new Event('input', { bubbles: true }));
		await done;
		return {
			ms: Number(dialog.dataset.ms),
			shown: [...dialog.querySelectorAll<HTMLLIElement>('.eh-search-results > li')].map((li) => ({
				href: li.querySelector('a')!.getAttribute('href')!,
				id: li.dataset.id ?? '',
				sections: (li.dataset.sections ?? '').split(' ').filter(Boolean),
			})),
			status: dialog.querySelector('[role="status"]')?.textContent ?? '',
		};
	}, query);
}

function findGuidelinePage(dir: string, prefix: string): string | undefined {
	if (!existsSync(dir)) return undefined;
	for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (!entry.isDirectory()) continue;
		if (existsSync(join(dir, entry.name, 'index.html')) && prefix.split('/').length > 3) return `${prefix}${entry.name}/`;
		const found = findGuidelinePage(join(dir, entry.name), `${prefix}${entry.name}/`);
		if (found) return found;
	}
	return undefined;
}

/** Serves a built site gzipped, as static hosts do. */
async function serveGzipped(dir: string): Promise<{ server: Server; base: string }> {
	const serve = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
	const gzip = compression({ threshold: 0 });
	const server = createServer((req, res) => gzip(req as never, res as never, () => serve(req, res, () => { res.statusCode = 404; res.end(); })));
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** What the first search transfers (bytes on the wire, gzip), by part, for each query in a fresh browser. */
async function reportFirstSearch(site: string, queries: string[], json: boolean): Promise<void> {
	const pagePath = findGuidelinePage(join(site, 'guidelines'), '/guidelines/');
	if (!pagePath) fail(`No guideline page in ${join(site, 'guidelines')}.`);
	// A site built without npm run build's search-data step (only its Astro step, which writes no
	// search index): write the dialog's data and the compact index first, as npm run build does.
	// Default Starlight's site (no guideline dialog of ours, its own Pagefind run) is measured as it is.
	if (!existsSync(join(site, 'pagefind/page')) && existsSync(join(site, '_astro')) && readdirSync(join(site, '_astro')).some((f) => f.startsWith('dialog.'))) {
		console.log(`Writing the search data and the compact index (node scripts/search-data.ts ${site})…`);
		const step = spawnSync(process.execPath, ['scripts/search-data.ts', site], { stdio: 'inherit' });
		if (step.status !== 0) fail('The search-data step failed (errors above).');
	}
	if (!existsSync(join(site, 'pagefind'))) fail(`No Pagefind index in ${site}: build the site first.`);
	const { server, base } = await serveGzipped(site);
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
	const runs: { query: string; bytes: number; parts: Record<string, { bytes: number; files: number }>; results: number }[] = [];
	try {
		for (const query of queries) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			let transferred: { url: string; bytes: number }[] = [];
			// Playwright's events also see what a Web Worker fetches (default Starlight's Pagefind).
			page.on('requestfinished', (request) => {
				void request.sizes().then((sz) => transferred.push({ url: request.url(), bytes: sz.responseBodySize + sz.responseHeadersSize }));
			});
			await page.goto(base + pagePath, { waitUntil: 'networkidle' });
			// Search files a site fetches before search opens count too (default Starlight prepares
			// Pagefind when the page is idle); the page's own files do not.
			transferred = transferred.filter((t) => /\/pagefind\/|\/search\//.test(t.url));
			await page.keyboard.press('Control+k');
			// Our dialog (read its results), or another site's search (default Starlight: Ctrl+K
			// focuses its field; type as a reader does).
			const ours = await page.locator('dialog.eh-search input[type="search"]').waitFor({ timeout: 5000 }).then(() => true, () => false);
			const results = ours ? (await typeQuery(page, query)).shown.length : await page.keyboard.type(query, { delay: 50 }).then(() => -1);
			// Everything the search fetches until the network rests (the term list for typo correction
			// is fetched when the reader pauses after the first results: counted too).
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(1000);
			const parts: Record<string, { bytes: number; files: number }> = {};
			for (const t of transferred) {
				const part = (parts[searchPart(new URL(t.url).pathname)] ??= { bytes: 0, files: 0 });
				part.bytes += t.bytes;
				part.files++;
			}
			runs.push({ query, bytes: transferred.reduce((n, t) => n + t.bytes, 0), parts, results });
			await context.close();
		}
	} finally {
		await browser.close();
		server.close();
	}
	if (json) {
		console.log(JSON.stringify({ site, page: pagePath, runs }, null, 2));
		return;
	}
	const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
	console.log(`First search on ${site} (opened on ${pagePath}), bytes transferred (gzip), each query in a fresh browser:`);
	for (const r of runs) {
		const parts = Object.entries(r.parts).sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${kb(v.bytes)}${v.files > 1 ? ` (${v.files} files)` : ''}`);
		console.log(`  "${r.query}": ${kb(r.bytes)}${r.results >= 0 ? `, ${r.results} results` : ''} — ${parts.join(', ')}`);
	}
	const sorted = runs.map((r) => r.bytes).sort((a, b) => a - b);
	console.log(`  median ${kb(sorted[Math.floor(sorted.length / 2)] ?? 0)}, max ${kb(sorted.at(-1) ?? 0)}`);
}
