/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default form factor and throttling) on the
 * guideline page of the built site, in Debian's Chromium (/usr/bin/chromium or $CHROMIUM_PATH) via
 * chrome-launcher. Serves the build output (EH_OUT_DIR or dist; run `npm run build` first) with
 * sirv (gzip on, as static hosts do) on a free port and prints the four category scores; `--json FILE`
 * writes them; `--no-gzip` serves uncompressed (a host that does not compress).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import compression from 'compression';
import { outDir } from '../src/lib/paths.ts';
import { headersFor, parseHeadersFile } from '../src/lib/csp/policy.ts';
import { cli, usageError } from './lib/cli.ts';

const { values } = cli('npm run bench:lighthouse -- [--path /site/path/] [--json FILE] [--no-gzip]', {
	options: { path: { type: 'string', default: '/guidelines/running-injuries/runner-medial-thigh-knee-pain/' }, json: { type: 'string' }, 'no-gzip': { type: 'boolean', default: false } },
});
const dist = outDir();
if (!existsSync(join(dist, 'index.html'))) usageError(`No built site in ${dist}: run npm run build first.`);
// Serve like a static host would: with the _headers file's headers (CSP etc.) and gzip, which every
// static host applies to HTML, CSS and JS.
const headerRules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
const serve = sirv(dist, {
	dev: false,
	etag: true,
	extensions: ['html'],
	setHeaders: (res, pathname) => {
		for (const [k, v] of Object.entries(headersFor(headerRules, pathname))) res.setHeader(k, v);
	},
});
// --no-gzip measures the worst case (a host that does not compress).
const gzip = compression({ filter: () => !values['no-gzip'] });
const server = createServer((req, res) =>
	gzip(req as Parameters<typeof gzip>[0], res as Parameters<typeof gzip>[1], () =>
		serve(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		}),
	),
);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
	const url = `http://127.0.0.1:${port}${values.path}`;
	const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
	if (!result) throw new Error('Lighthouse returned no result.');
	const { categories, audits } = result.lhr;
	const scores = Object.fromEntries(Object.entries(categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
	console.log(`Lighthouse ${result.lhr.lighthouseVersion}, mobile, ${url}`);
	for (const [id, score] of Object.entries(scores)) console.log(`  ${id}: ${score}`);
	// What keeps a category under 100 (failed audits with weight), so cheap wins are visible.
	for (const [id, c] of Object.entries(categories)) {
		const failing = c.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1).map((r) => `${r.id} (${audits[r.id]?.displayValue ?? audits[r.id]?.score})`);
		if (failing.length) console.log(`  ${id} below 100 because of: ${failing.join(', ')}`);
	}
	const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((m) => `${m} ${audits[m]?.displayValue ?? '?'}`);
	console.log(`  metrics: ${metrics.join(', ')}`);
	if (values.json) writeFileSync(values.json, `${JSON.stringify({ url: values.path, version: result.lhr.lighthouseVersion, scores, metrics }, null, '\t')}\n`);
} finally {
	chrome.kill();
	server.close();
}
