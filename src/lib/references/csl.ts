/**
 * Formatting references with citation-js (CSL processor citeproc-js, Vancouver style).
 * Our `x-` fields are removed before formatting: CSL tools must see plain CSL.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Reference } from '../../schemas/reference.ts';

// BibTeX keys are our citation keys (lower-case words and hyphens, safe in BibTeX).
(plugins.config.get('@bibtex') as { format: { useIdAsLabel: boolean } }).format.useIdAsLabel = true;

/** The reference as plain CSL-JSON (our `x-` fields dropped). */
export function toCsl(ref: Reference): Record<string, unknown> {
	const csl: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(ref)) if (!key.startsWith('x-')) csl[key] = value;
	return csl;
}

/**
 * Formatting is the costly part of a page build (citeproc-js), and the same reference appears in
 * many citation previews and pages: each distinct entry is formatted once per build.
 */
const cache = new Map<string, string>();

/** Vancouver bibliography entry as HTML (the entry's inner HTML, without its number). */
export function formatReferenceHtml(ref: Reference): string {
	const csl = toCsl(ref);
	const cacheKey = JSON.stringify(csl);
	let entry = cache.get(cacheKey);
	if (entry === undefined) {
		const html = new Cite(csl).format('bibliography', { format: 'html', template: 'vancouver', lang: 'en-US' });
		// citation-js wraps the entry: <div class="csl-left-margin">1.</div><div class="csl-right-inline">…</div>
		const open = '<div class="csl-right-inline">';
		const start = html.indexOf(open);
		entry = (start === -1 ? html : html.slice(start + open.length, html.indexOf('</div>', start))).trim();
		cache.set(cacheKey, entry);
	}
	return entry;
}

/**
 * Vancouver bibliography entry as plain text, without its number: the text of the HTML entry (the
 * same words citeproc's text output gives, without a second formatting run).
 */
export function formatReferenceText(ref: Reference): string {
	return toString(fromHtml(formatReferenceHtml(ref), { fragment: true })).trim();
}

/** BibTeX, RIS or CSL-JSON for a set of references (the "cite and export" downloads). */
export function exportReferences(refs: readonly Reference[], format: 'bibtex' | 'ris' | 'csl-json'): string {
	// Our citation keys become the BibTeX keys (citation-js would otherwise invent colliding ones).
	const data = refs.map((ref) => ({ ...toCsl(ref), 'citation-key': ref.id }));
	if (format === 'csl-json') return `${JSON.stringify(data, null, 2)}\n`;
	return new Cite(data).format(format, { format: 'text' });
}
