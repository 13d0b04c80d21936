/**
 * Reference pages filled from one Starlight rendering (src/lib/references/page-template.ts) are the
 * pages Starlight renders. A generated content folder, with references whose titles and details
 * every escaping on the way would change (HTML, attribute, `<title>`, print CSS: ampersands, angle
 * brackets, quotes, backslashes, tabs, double spaces), one titled like the site, one that old
 * anchors are redirected to, and plain ones, is built twice: as npm run build does (most pages
 * filled from the template) and with every reference page rendered through Starlight
 * (EH_REFERENCE_PAGES=starlight). Every file of the two outputs (pages, sitemap, Pagefind index)
 * must be identical byte for byte.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, listing } from '../setup/fixture-build.ts';
import { generateCorpus } from '../../scripts/lib/generate-corpus.ts';
import { CHECK_KEY, TEMPLATE_KEY } from '../../src/lib/references/page-template.ts';
import { SITE_TITLE } from '../../src/lib/site.ts';

const root = new URL('../..', import.meta.url).pathname;
// Inside the project (see sharded-build.test.ts): Astro's server chunks stay next to the output.
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const temp = mkdtempSync(join(root, 'node_modules', '.cache', 'eh-reftemplate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const content = join(temp, 'content');
const REFERENCES = 12;

// Titles no escaping leaves alone, each in a reference of its own (the rest stay plain).
const UNUSUAL_TITLES = [
	'Tom & Jerry: <b>bold</b> claims about "running" and \'walking\'',
	'Back\\slash and a tab\there',
	'Two  spaces and a trailing space ',
	'A title | with a bar',
	SITE_TITLE,
	'</title><script>alert(1)</script>',
];

const build = (out: string, extra: Record<string, string> = {}) => buildFixtureSite(root, { content, temp, out }, extra);

const filled = join(temp, 'filled');
const rendered = join(temp, 'rendered');
let filledLog = '';
let renderedLog = '';
let keys: string[] = [];

beforeAll(() => {
	generateCorpus({ dir: content, guidelines: 6, claimsPerGuideline: 4, references: REFERENCES, topics: 2, repoRoot: root, islandsEvery: 5 });
	writeFileSync(join(content, 'index.mdx'), '---\ntype: page\ntitle: Fixture home\n---\n\nGenerated fixture corpus.\n');
	keys = readdirSync(join(content, 'references'))
		.map((f) => f.replace(/\.yaml$/, ''))
		.sort();
	UNUSUAL_TITLES.forEach((title, i) => {
		const file = join(content, 'references', `${keys[i + 1]}.yaml`);
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
	});
	// A publisher with an ampersand: only the description and body differ from plain.
	const publisher = join(content, 'references', `${keys[UNUSUAL_TITLES.length + 1]}.yaml`);
	writeFileSync(publisher, readFileSync(publisher, 'utf8').replace(/container-title: .*/, 'container-title: Medicine & Science in Sports & Exercise'));
	// A reference page that old anchors are redirected to (its page forwards them).
	const target = keys[UNUSUAL_TITLES.length + 2]!;
	mkdirSync(join(temp, 'permalinks'), { recursive: true });
	writeFileSync(join(temp, 'permalinks', 'redirects.json'), JSON.stringify({ '/references/old-key/': { to: `/references/${target}/`, anchors: { 'old-anchor': `/references/${target}/#cited-by` } } }));
	for (const [out, extra] of [
		[filled, {}],
		[rendered, { EH_REFERENCE_PAGES: 'starlight' }],
	] as const) {
		const result = build(out, extra);
		if (result.status !== 0) throw new Error(`build failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-4000)}`);
		if (out === filled) filledLog = result.stdout;
		else renderedLog = result.stdout;
	}
}, 600_000);

describe('reference pages filled from the Starlight template', () => {
	test('most pages were filled from the template; the comparison build filled none', () => {
		const count = Number(/(\d+) reference page\(s\) filled from the Starlight template/.exec(filledLog)?.[1] ?? 0);
		// Every plain reference but the one the build checks the template with.
		expect(count).toBeGreaterThanOrEqual(REFERENCES - UNUSUAL_TITLES.length - 3);
		// The comparison build filled none: every one of its pages is Starlight's own.
		expect(renderedLog).toMatch(/Complete!/);
		expect(renderedLog).not.toMatch(/filled from the Starlight template/);
	});

	test('are identical, byte for byte, to every page rendered through Starlight, with the same sitemap and search index', () => {
		const files = listing(rendered);
		// Every reference, and the redirect page at the old address.
		expect(files.filter((f) => f.startsWith('references/')).length).toBe(REFERENCES + 1);
		expect(listing(filled)).toEqual(files);
		const differing = files.filter((f) => !readFileSync(join(filled, f)).equals(readFileSync(join(rendered, f))));
		expect(differing).toEqual([]);
	});

	test('the unusual values are escaped as text on the published pages', () => {
		const page = readFileSync(join(filled, 'references', keys[1]!, 'index.html'), 'utf8');
		expect(page).toMatch(/<h1 id="_top"[^>]*>Tom &amp; Jerry: &lt;b&gt;bold&lt;\/b&gt;/);
		expect(page).toContain('<title>Tom &amp; Jerry: &lt;b&gt;bold&lt;/b&gt;');
	});

	test('the template and its check page are not published, nor in the sitemap', () => {
		for (const key of [TEMPLATE_KEY, CHECK_KEY]) {
			expect(existsSync(join(filled, 'references', key))).toBe(false);
			expect(readFileSync(join(filled, 'sitemap-0.xml'), 'utf8')).not.toContain(key);
		}
	});
});
