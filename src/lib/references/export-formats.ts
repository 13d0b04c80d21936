/**
 * The "cite and export" downloads: RIS, BibTeX and CSL-JSON for a list of CSL items (a guideline
 * and its references). citation-js maps CSL to each format's fields; `fixRis` and `fixBibtex` are
 * the one post-processing step that corrects what it gets wrong (each fix says why), and the
 * serialisers here write the records. Every export is read back by independent readers in tests
 * (astrocite-ris, @retorquere/bibtex-parser, citeproc-js, the official CSL-JSON schema).
 */
import { Cite } from '@citation-js/core';
import { createHash } from 'node:crypto';
import type { CslItem } from '../../schemas/csl-item.ts';
import { formatted, toCsl } from './csl.ts';

type RisRecord = Record<string, string | string[]>;

/** The CSL date as YYYY-MM-DD (or YYYY-MM, YYYY). */
function isoDate(date: CslItem['issued']): string | undefined {
	const parts = date?.['date-parts'][0];
	return parts?.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-');
}

/** "Not given by the source: author, URL. Reason" — our missing-data record as a note. */
function missingNote(item: CslItem): string | undefined {
	const missing = item.custom.missing;
	return missing ? `Not given by the source: ${missing.fields.join(', ')}. ${missing.reason}` : undefined;
}

/** One line of text: RIS values and BibTeX fields must not break across lines. */
function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// RIS

/**
 * Corrections to citation-js's RIS record (its `format: 'object'` output, before serialising):
 * - `ID`: citation-js cuts it to 20 characters (a Reference Manager limit), so two keys sharing
 *   their first 20 characters collide; RIS readers take any length. We give the full key.
 * - Organisations (`literal` names) get a trailing comma (`AU  - World Health Organization,`):
 *   RIS reads `AU` as "Last, First", and a name without a comma is split into person names by
 *   some readers (EndNote's convention for corporate authors; Zotero reads it as one field).
 * - Report series: citation-js writes the series as `T2` (the 2011 RIS spec's series tag for
 *   RPRT, read by Zotero and EndNote); Reference Manager's spec and readers built on it take
 *   the series from `T3`, so reports carry both.
 * - `Y2` (access date) for every type: for web pages (ELEC) citation-js puts the access date in
 *   `M1`, which readers take as a number, not a date.
 * - `N1`: the reason bibliographic fields are missing (CSL keeps it under `custom`, which
 *   citation-js drops).
 */
export function fixRis(record: RisRecord, item: CslItem): RisRecord {
	const fixed: RisRecord = { ...record, ID: item.id };
	if (item.author) fixed.AU = item.author.map((name) => ('literal' in name ? `${oneLine(name.literal)},` : [name.family, name.given].filter(Boolean).join(', ')));
	if (item.type === 'report' && item['collection-title'] && !record.T3) fixed.T3 = item['collection-title'];
	if (item.accessed) {
		const [y, m, d] = item.accessed['date-parts'][0];
		const y2 = `${y}/${m ? String(m).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/`;
		if (record.M1 === y2 || (typeof record.M1 === 'string' && record.TY === 'ELEC')) delete fixed.M1;
		fixed.Y2 = y2;
	}
	const note = missingNote(item);
	if (note) fixed.N1 = [...[record.N1 ?? []].flat(), note];
	return fixed;
}

/** RIS lines: `TY` first, `ER` last, CRLF line ends (the spec's), values never wrapped. */
function serialiseRis(record: RisRecord): string {
	const lines = [`TY  - ${String(record.TY)}`];
	for (const [tag, value] of Object.entries(record)) {
		if (tag === 'TY' || tag === 'ER') continue;
		for (const v of [value].flat()) if (oneLine(String(v))) lines.push(`${tag}  - ${oneLine(String(v))}`);
	}
	lines.push('ER  - ');
	return `${lines.join('\r\n')}\r\n`;
}

/**
 * The formatted-entry cache (csl.ts) is keyed by data, output kind and library versions; the kind
 * also carries a hash of this file's post-processing code, so a changed fix is never served stale.
 */
let codeHash: string | undefined;
function kind(format: 'ris' | 'bibtex'): string {
	codeHash ??= createHash('sha1')
		.update([fixRis, serialiseRis, fixBibtex, serialiseBibtex, bibtexName, escapeBibtex, missingNote, oneLine, isoDate].map(String).join('\n'))
		.digest('hex')
		.slice(0, 12);
	return `${format}-export-${codeHash}`;
}

/**
 * Each item's record, by item object: the same reference item is in the downloads of every
 * guideline citing it (export.ts shares them), and looking its text up in the formatted-entry cache
 * means hashing the whole item each time.
 */
const records = { ris: new WeakMap<CslItem, string>(), bibtex: new WeakMap<CslItem, string>() };
function record(format: 'ris' | 'bibtex', item: CslItem, make: () => string): string {
	let text = records[format].get(item);
	if (text === undefined) {
		text = formatted(kind(format), item as unknown as Record<string, unknown>, make);
		records[format].set(item, text);
	}
	return text;
}

export function toRis(items: readonly CslItem[]): string {
	return items
		.map((item) =>
			record('ris', item, () => {
				const [record] = new Cite(toCsl(item)).format('ris', { format: 'object' }) as unknown as RisRecord[];
				return serialiseRis(fixRis(record!, item));
			}),
		)
		.join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// BibTeX

interface BibtexEntry {
	type: string;
	label: string;
	/** Field values as BibTeX text (already escaped); `raw` ones are written without braces. */
	properties: Record<string, string>;
}

/** Raw (macro) values, e.g. `month = nov`. */
const RAW = '\u0000raw:';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes text for a braced BibTeX field: LaTeX's special characters become commands. */
export function escapeBibtex(text: string): string {
	return oneLine(text).replace(/[\\{}&%$#_~^]/g, (c) =>
		c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
	);
}

function bibtexName(name: NonNullable<CslItem['author']>[number]): string {
	if ('literal' in name) return `{${escapeBibtex(name.literal)}}`;
	return name.given ? `{${escapeBibtex(name.family)}}, ${escapeBibtex(name.given)}` : `{${escapeBibtex(name.family)}}`;
}

/**
 * Corrections to citation-js's BibTeX entry (its `format: 'object'` output):
 * - `author`: citation-js writes organisations and family-only names unescaped
 *   (`{Board & Editors}`), which stops LaTeX; every name is escaped here, organisations braced
 *   so BibTeX keeps them whole.
 * - `month`: citation-js writes `{nov 24}` (month and day in one braced value), which BibTeX
 *   styles print verbatim and biblatex rejects; BibTeX's month macro (`nov`) is correct for both.
 * - `urldate` (biblatex's access date) from `accessed`, which citation-js's BibTeX mapping drops.
 * - `note`: our missing-data reason is added (citation-js drops CSL's `custom`).
 * - `key` when there is no author: BibTeX's field for sorting and author-year labels when the
 *   author is missing (without it BibTeX warns "to sort, need author or key"); the publisher or
 *   journal, which author-year styles cite in the author's place.
 * - the label is our citation key (set in csl.ts; asserted here).
 */
export function fixBibtex(entry: BibtexEntry, item: CslItem): BibtexEntry {
	const properties = { ...entry.properties };
	if (item.author) properties.author = item.author.map(bibtexName).join(' and ');
	const month = item.issued?.['date-parts'][0][1];
	if (month) properties.month = `${RAW}${MONTHS[month - 1]}`;
	else delete properties.month;
	if (item.accessed) properties.urldate = isoDate(item.accessed)!;
	const stand = item.publisher ?? item['container-title'] ?? item['collection-title'];
	if (!item.author && stand) properties.key = escapeBibtex(stand);
	const note = missingNote(item);
	if (note) properties.note = [properties.note, escapeBibtex(note)].filter(Boolean).join('. ');
	return { ...entry, label: item.id, properties };
}

function serialiseBibtex(entry: BibtexEntry): string {
	const fields = Object.entries(entry.properties).map(([field, value]) =>
		value.startsWith(RAW) ? `\t${field} = ${value.slice(RAW.length)},` : `\t${field} = {${oneLine(value)}},`,
	);
	return `@${entry.type}{${entry.label},\n${fields.join('\n')}\n}\n`;
}

export function toBibtex(items: readonly CslItem[]): string {
	return items
		.map((item) =>
			record('bibtex', item, () => {
				const [entry] = new Cite(toCsl(item)).format('bibtex', { format: 'object' }) as unknown as BibtexEntry[];
				return serialiseBibtex(fixBibtex(entry!, item));
			}),
		)
		.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON

/** CSL-JSON: the items as they are (valid against the official schema; our data under `custom`). */
export function toCslJson(items: readonly CslItem[]): string {
	return `${JSON.stringify(items, null, 2)}\n`;
}
