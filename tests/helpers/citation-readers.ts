/**
 * Third-party readers of our citation exports, used by the tests as a reference manager, LaTeX or a
 * CSL processor would read them (never our own formatter):
 * - RIS: astrocite-ris (an independent RIS → CSL parser), plus the RIS line grammar;
 * - BibTeX: @retorquere/bibtex-parser (Better BibTeX for Zotero's parser), plus a check that no
 *   LaTeX special character is left unescaped outside verbatim fields;
 * - CSL-JSON: the official CSL-JSON schema (tests/vendor/csl/csl-data.json) with ajv;
 * - citeproc-js (the `citeproc` package, Zotero's CSL processor) with the official CSL styles that
 *   @citation-js/plugin-csl packages (Vancouver, APA 7th, Harvard) and its en-US locale.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseRisWithAstrocite } from 'astrocite-ris';
import { parse as parseBibtexWithBbt } from '@retorquere/bibtex-parser';
import CSL from 'citeproc';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => void;

// ---------------------------------------------------------------------------------------------
// RIS

/** Lines that are not `XX  - value` (RIS readers drop or misread them: "untagged lines"). */
export function untaggedRisLines(text: string): string[] {
	return text.split('\r\n').filter((line) => line !== '' && !/^[A-Z][A-Z0-9] {2}- ?/.test(line));
}

/** Line breaks that are not CRLF (the RIS specification's line end). */
export function bareLineBreaks(text: string): number {
	return (text.replace(/\r\n/g, '').match(/[\r\n]/g) ?? []).length;
}

export function readRis(text: string): Record<string, unknown>[] {
	return parseRisWithAstrocite(text) as unknown as Record<string, unknown>[];
}

/** RIS records as tag → values, for assertions on tags astrocite does not keep (ID, T3, N1). */
export function risRecords(text: string): Map<string, string[]>[] {
	const records: Map<string, string[]>[] = [];
	let current: Map<string, string[]> | undefined;
	for (const line of text.split('\r\n')) {
		const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
		if (!match) continue;
		const [, tag, value] = match as unknown as [string, string, string];
		if (tag === 'TY') records.push((current = new Map()));
		if (tag === 'ER') current = undefined;
		else current?.set(tag, [...(current.get(tag) ?? []), value]);
	}
	return records;
}

// ---------------------------------------------------------------------------------------------
// BibTeX

export function readBibtex(text: string) {
	return parseBibtexWithBbt(text);
}

const VERBATIM_FIELDS = new Set(['url', 'doi', 'urldate', 'howpublished']);

/**
 * LaTeX special characters left unescaped in BibTeX field values (each would stop pdflatex or
 * print wrongly), as "key.field: …" strings. Verbatim fields (url, doi) are exempt.
 */
export function unescapedBibtex(text: string): string[] {
	const problems: string[] = [];
	for (const entry of text.split(/^@/m).slice(1)) {
		const key = /^\w+\{([^,]+),/.exec(entry)?.[1] ?? '?';
		for (const match of entry.matchAll(/^\s*([a-z]+) = \{(.*)\},?$/gm)) {
			const [, field, value] = match as unknown as [string, string, string];
			if (VERBATIM_FIELDS.has(field)) continue;
			const bare = value.replace(/\\[&%$#_{}]/g, '').replace(/\\[a-zA-Z]+\{\}/g, '');
			if (/[&%$#_]|(?<!\\)[~^]/.test(bare)) problems.push(`${key}.${field}: ${value}`);
		}
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON schema and our export schema

/** Validator of the official CSL-JSON schema (draft-07; vendored, see tests/vendor/csl/README.md). */
export function officialCslValidator() {
	const ajv = new Ajv({ allErrors: true, strict: false });
	addFormats(ajv);
	const schema = JSON.parse(readFileSync(new URL('../vendor/csl/csl-data.json', import.meta.url), 'utf8')) as object;
	return ajv.compile(schema);
}

/** Validator of a JSON Schema draft 2020-12 document (our published export schema). */
export function jsonSchema2020Validator(schema: object) {
	// Strict, except ajv's lint that a tuple also state minItems/maxItems (Zod's tuples do not).
	const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
	addFormats(ajv);
	return ajv.compile(schema);
}

// ---------------------------------------------------------------------------------------------
// citeproc-js

const styles = require('@citation-js/plugin-csl/lib/styles.json') as Record<'apa' | 'vancouver' | 'harvard1', string>;
const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;

export type OfficialStyle = keyof typeof styles;

/** The bibliography citeproc-js makes of `items` in an official style (plain text, one string per entry). */
export function citeprocBibliography(items: readonly Record<string, unknown>[], style: OfficialStyle): { entries: string[]; errors: unknown[] } {
	const byId = new Map(items.map((item) => [String(item.id), item]));
	const engine = new CSL.Engine(
		{ retrieveLocale: (lang: string) => locales[lang] ?? locales['en-US']!, retrieveItem: (id: string) => byId.get(id)! },
		styles[style],
		'en-US',
	);
	engine.setOutputFormat('text');
	engine.updateItems([...byId.keys()]);
	const [meta, entries] = engine.makeBibliography() as [{ bibliography_errors: unknown[] }, string[]];
	return { entries: entries.map((e) => e.trim()), errors: meta.bibliography_errors };
}
