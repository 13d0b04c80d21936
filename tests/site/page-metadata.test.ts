/**
 * Every built guideline page's machine-readable metadata, as the tools that read pages take it:
 * "Save to Zotero" (Highwire `citation_*` tags, tests/helpers/zotero-highwire.ts), search engines
 * (schema.org MedicalWebPage JSON-LD, robots.txt, the sitemap's lastmod). Checked against the
 * guideline's own .json export, so nothing here names today's content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GuidelineExport } from '../../src/schemas/guideline-export.ts';
import { builtPage, distDir } from './dist.ts';
import { zoteroFromHighwire } from '../helpers/zotero-highwire.ts';

const exportDir = join(distDir, 'export');
const exports = readdirSync(exportDir, { recursive: true, encoding: 'utf8' })
	.map((f) => f.split('\\').join('/'))
	.filter((f) => f.endsWith('.json') && !f.endsWith('.csl.json') && !f.endsWith('.schema.json'))
	.sort()
	.map((f) => JSON.parse(readFileSync(join(exportDir, f), 'utf8')) as GuidelineExport);

describe.each(exports.map((e) => [e.id, e] as const))('%s', (_id, data) => {
	const page = builtPage(`${data.id}/`);

	test('"Save to Zotero" (Highwire tags) yields its title, the editors as one corporate author, and the date of its last change', () => {
		const item = zoteroFromHighwire(page);
		expect(item.title).toBe(data.title);
		expect(item.creators).toEqual([{ lastName: 'Evidence Handbook editors', creatorType: 'author' }]);
		expect(item.date).toBe(data.dates.modified);
		expect(item).toMatchObject({ itemType: 'report', institution: 'Evidence Handbook', publisher: 'Evidence Handbook' });
		expect(item.abstractNote).toBe(data.claims.find((c) => c.kind === 'bottom-line')?.text);
		expect(page.querySelector('meta[name="citation_fulltext_html_url"]')?.getAttribute('content')).toBe(data.url);
	});

	test('schema.org MedicalWebPage JSON-LD: dates, review only when one happened, audience, status, a citation per reference', () => {
		const scripts = page.querySelectorAll('script[type="application/ld+json"]');
		expect(scripts).toHaveLength(1);
		const ld = JSON.parse(scripts[0]!.textContent) as Record<string, unknown>;
		expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'MedicalWebPage', url: data.url, name: data.title });
		expect(ld.dateModified).toBe(data.dates.modified);
		expect(ld.lastReviewed).toBe(data.dates.lastReviewed);
		if (!data.dates.lastReviewed) expect(ld).not.toHaveProperty('reviewedBy');
		expect(typeof ld.creativeWorkStatus).toBe('string');
		expect((ld.audience as unknown[]).length).toBeGreaterThan(0);
		const citations = ld.citation as { name: string }[];
		expect(citations.map((c) => c.name)).toEqual(data.references.map((r) => r.title));
	});

	test('the social card type matches whether the page has an image', () => {
		const card = page.querySelector('meta[name="twitter:card"]')?.getAttribute('content');
		const image = page.querySelector('meta[property="og:image"]')?.getAttribute('content');
		expect(card).toBe(image ? 'summary_large_image' : 'summary');
		// The card says whether the page has been clinically reviewed.
		const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent) as { creativeWorkStatus: string };
		expect(page.querySelector('meta[property="og:description"]')?.getAttribute('content')?.startsWith(`${ld.creativeWorkStatus}. `)).toBe(true);
	});

	test('the sitemap gives the same date as lastmod', () => {
		const sitemap = readdirSync(distDir)
			.filter((f) => /^sitemap-\d+\.xml$/.test(f))
			.map((f) => readFileSync(join(distDir, f), 'utf8'))
			.join('');
		const entry = new RegExp(`<url><loc>${data.url.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}</loc>(?:<lastmod>([^<]+)</lastmod>)?`).exec(sitemap);
		expect(entry, `${data.url} in the sitemap`).not.toBeNull();
		expect(entry![1]?.slice(0, 10)).toBe(data.dates.modified);
	});
});

test('robots.txt allows crawling and names the sitemap', () => {
	const robots = readFileSync(join(distDir, 'robots.txt'), 'utf8');
	expect(robots).toMatch(/^User-agent: \*$/m);
	const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
	expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
	expect(readdirSync(distDir)).toContain('sitemap-index.xml');
});
