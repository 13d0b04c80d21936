/**
 * Our reading of built pages (src/lib/search/fossick.ts) gives what Pagefind itself reads from
 * them: the same pages, text, word positions of anchors, metadata and filters. Each fixture site is
 * indexed by the pinned Pagefind (its Node API, in memory) and read by fossick; the two must be
 * equal, so a Pagefind upgrade that reads pages differently fails here, not in the search results.
 */
import { afterAll, describe, expect, test } from 'vitest';
import * as pagefind from 'pagefind';
import { parseFragment } from '../../scripts/lib/search-index.ts';
import { fossick, indexablePages, pageUrl } from '../../src/lib/search/fossick.ts';
import type { IndexedPage } from '../../src/lib/search/records.ts';

afterAll(() => pagefind.close());

const doc = (body: string, head = '<title>Fixture page</title>', lang = 'en') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** The fields the search reads, in one order (Pagefind's fragments also carry a word count). */
const canonical = (p: IndexedPage & { anchors: { title?: string }[] }) => ({
	url: p.url,
	content: p.content,
	meta: p.meta,
	filters: p.filters,
	anchors: p.anchors.map((a) => ({ element: a.element, id: a.id, text: a.text, location: a.location, ...(a.title === undefined ? {} : { title: a.title }) })),
});

async function pagefindReads(site: Record<string, string>): Promise<ReturnType<typeof canonical>[]> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index) throw new Error(errors.join('; '));
	for (const [sourcePath, content] of Object.entries(site)) {
		const r = await index.addHTMLFile({ sourcePath, content });
		if (r.errors.length) throw new Error(r.errors.join('; '));
	}
	const { files } = await index.getFiles();
	await index.deleteIndex();
	return files
		.filter((f) => f.path.endsWith('.pf_fragment'))
		.flatMap((f) => parseFragment(f.path, f.content).map(([, page]) => canonical(page)))
		.sort((a, b) => (a.url < b.url ? -1 : 1));
}

const weRead = (site: Record<string, string>) =>
	indexablePages(Object.entries(site).map(([path, html]) => fossick(path, html)))
		.map(canonical)
		.sort((a, b) => (a.url < b.url ? -1 : 1));

const sites: Record<string, Record<string, string>> = {
	'plain pages: blocks end with a full stop, inline elements add no space, <br> does': {
		'index.html': doc('<h1>Knee pain</h1><p>Sentences should have periods</p><p>Unless one exists.</p><div>Or it ends with punctuation:</div><p>Inline <b>bol</b>d and n<i>o</i>t spaced<br>broken line</p>'),
		'guide/a/index.html': doc('<main><h2 id="first">First   section</h2>\n\n<p>Text\twith\ttabs and &amp; entities &lt;3 and&nbsp;non-breaking spaces</p></main>'),
	},
	'data-pagefind-body: only its text, and only pages that have one': {
		'a/index.html': doc('<nav>Menu</nav><header><h1>Site</h1></header><main data-pagefind-body><h1 id="_top">Title A</h1><p id="p1">Body text <span id="s1">inline <em>anchor</em></span> end</p></main><aside>Aside</aside>'),
		'b/index.html': doc('<main data-pagefind-body><p>First body</p></main><p>between</p><section data-pagefind-body><p>Second body</p></section>'),
		'c/index.html': doc('<main><p>No body here: not indexed</p></main>'),
		'404.html': doc('<main data-pagefind-body><p>Not found page</p></main>'),
	},
	'data-pagefind-ignore, ignore="all", and the elements Pagefind leaves out': {
		'x/index.html': doc(
			'<div data-pagefind-body><p>Kept</p><div data-pagefind-ignore>Ignored <span data-pagefind-filter="kind">Filter kept</span></div><div data-pagefind-ignore="all">All <span data-pagefind-filter="gone">Dropped filter</span></div><form>Form text</form><footer>Footer</footer><p>Also kept <svg viewBox="0 0 1 1"><title>icon</title><path d="M0"/></svg> after</p><noscript>noscript</noscript><label>Label</label><template>tpl</template><script>var x = "<p>";</script><style>p{}</style></div>',
		),
	},
	'metadata and filters in every form, the title from h1 or <title>': {
		'm/index.html': doc(
			'<main data-pagefind-body><h1 data-pagefind-meta="headline">Hello <em>World</em></h1><div data-pagefind-meta="type:post"></div><span data-pagefind-meta="adj">hella</span><img data-pagefind-meta="hero[src], hero-alt[alt]" src="/h.png" alt="A hero"><p data-pagefind-filter="topic">Knee &amp; hip</p><p data-pagefind-filter="topic:Ankle, status[data-status]" data-status="Reviewed">x</p><p data-pagefind-filter="evidence:RCT">y</p><p data-pagefind-filter="evidence:Cohort">z</p><p data-pagefind-filter="evidence:RCT">w</p><img src="/after-title.png" alt="after"></main>',
			'<title>Page title</title><meta data-pagefind-meta="image[content]" content="/kitty.jpg" property="og:image"><meta data-pagefind-default-meta="summary[content]" content="Default summary">',
		),
		'n/index.html': doc('<main data-pagefind-body><p>No h1: the title comes from the title element</p></main>', '<title>Only &amp; the title</title>'),
		'o/index.html': doc('<main data-pagefind-body><h1>Heading title</h1><p data-pagefind-meta="title">Explicit title wins</p></main>'),
	},
	'weights, index-attrs and anchor titles': {
		'w/index.html': doc(
			'<main data-pagefind-body><p data-pagefind-weight="2">Weight two</p><h2 id="h">Auto weighted</h2><img data-pagefind-index-attrs="alt, title" alt="Alt text" title="Image title"><section id="usage" data-pagefind-title="Installation &amp; Usage"><h3>Install</h3><ul><li id="li1">One <a href="#">link <code>code</code></a></li><li>Two</li></ul></section><table><tr><td id="c">Cell</td><td>Cell two</td></tr></table></main>',
		),
	},
	'pages with no words, ids outside the body, self-closing SVG, void elements': {
		'e/index.html': doc('<main data-pagefind-body><p>— · —</p></main>'),
		'g/index.html': doc('<main data-pagefind-body><p>Kept paragraph</p><p>An icon <svg/> drops its paragraph</p><div>A <svg><use href="#i"/></svg> closed icon keeps it</div><p>Line<hr>rule</p></main>'),
		'f/index.html': doc('<p id="outside">Outside</p><main data-pagefind-body><p id="inside">Inside</p></main><p id="after">After</p>'),
	},
};

describe.each(Object.entries(sites))('%s', (_name, site) => {
	test('fossick reads what Pagefind reads', async () => {
		const theirs = await pagefindReads(site);
		expect(theirs.length).toBeGreaterThan(0);
		expect(weRead(site)).toEqual(theirs);
	});
});

test('URLs as Pagefind makes them', () => {
	expect(pageUrl('index.html')).toBe('/');
	expect(pageUrl('guidelines/knee/a/index.html')).toBe('/guidelines/knee/a/');
	expect(pageUrl('404.html')).toBe('/404.html');
});
