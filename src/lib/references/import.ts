/**
 * `npm run ref:add`: turns what reference managers export (BibTeX, RIS, CSL-JSON; read by
 * citation-js) into our reference files. Pure: it returns the files to write, or the reasons an
 * entry is refused; scripts/ref-add.ts writes them, all or nothing.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { Document, isCollection } from 'yaml';
import { CITATION_KEY, ReferenceSchema, type Reference } from '../../schemas/reference.ts';
import { editorErrorMap } from '../zod-messages.ts';
import { missingRequiredFields } from './fields.ts';

export type ImportFormat = 'bibtex' | 'ris' | 'csl-json';

/** A CSL-JSON item as citation-js produces it (only the fields we read). */
interface CslInput {
	id?: string;
	type?: string;
	title?: string;
	author?: { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string }[];
	'container-title'?: string;
	publisher?: string;
	issued?: { 'date-parts'?: (number | string)[][]; raw?: string; literal?: string };
	volume?: string | number;
	issue?: string | number;
	page?: string;
	DOI?: string;
	PMID?: string;
	URL?: string;
	note?: string;
}

export interface ExistingReference {
	key: string;
	DOI?: string | undefined;
	PMID?: string | undefined;
	title: string;
	year?: number | undefined;
}

export interface ImportedEntry {
	key: string;
	/** Where the entry came from, for messages: "entry 2 (Smith2020graded)". */
	label: string;
	reference: Reference;
	yaml: string;
}

export interface RefusedEntry {
	label: string;
	reason: string;
}

const FORCE_TYPE: Record<ImportFormat, string> = { bibtex: '@biblatex/text', ris: '@ris/file', 'csl-json': '@csl/list+object' };

export function formatOf(file: string): ImportFormat | undefined {
	if (/\.(bib|bibtex)$/i.test(file)) return 'bibtex';
	if (/\.ris$/i.test(file)) return 'ris';
	if (/\.json$/i.test(file)) return 'csl-json';
	return undefined;
}

/** Parses an export into CSL items. Throws with a readable message when the file is not that format. */
export function readEntries(text: string, format: ImportFormat): CslInput[] {
	const input = format === 'csl-json' ? JSON.parse(text) : text;
	const list = format === 'csl-json' && !Array.isArray(input) ? [input] : input;
	const cite = new (Cite as unknown as new (data: unknown, options: { forceType: string }) => { data: CslInput[] })(list, { forceType: FORCE_TYPE[format] });
	return cite.data;
}

const TYPES: Record<string, Reference['type']> = {
	'article-journal': 'article-journal',
	article: 'article-journal',
	'article-magazine': 'article-journal',
	'paper-conference': 'article-journal',
	review: 'article-journal',
	report: 'report',
	book: 'book',
	chapter: 'chapter',
	webpage: 'webpage',
	'post-weblog': 'webpage',
	post: 'webpage',
};

const words = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'for', 'to', 'with', 'at', 'by', 'from']);

/** The key editors type: first author's family name and year ("smith-2020"), else title words and year. */
export function deriveKey(ref: Pick<Reference, 'author' | 'title' | 'issued'>): string {
	const year = ref.issued?.['date-parts'][0][0];
	const first = ref.author?.[0];
	const name = first ? ('family' in first ? first.family : first.literal) : undefined;
	const base = first && 'family' in first ? words(first.family) : words(name ?? ref.title).filter((w) => !STOP.has(w)).slice(0, 4);
	return [...(base.length ? base : ['reference']), ...(year ? [String(year)] : [])].join('-');
}

type Name = NonNullable<Reference['author']>[number];

function names(item: CslInput): Reference['author'] {
	const list = (item.author ?? []).flatMap((a): Name[] => {
		if (a.literal) return [{ literal: a.literal }];
		const family = [a['non-dropping-particle'], a.family, a.suffix].filter(Boolean).join(' ').trim();
		const given = [a.given, a['dropping-particle']].filter(Boolean).join(' ').trim();
		if (!family) return given ? [{ literal: given }] : [];
		// "{World Health Organization}" in BibTeX arrives as a family name with spaces and no given name.
		if (!given && /\s/.test(family)) return [{ literal: family }];
		return [given ? { family, given } : { family }];
	});
	return list.length ? list : undefined;
}

function doi(value?: string): string | undefined {
	const v = value?.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
	return v || undefined;
}

function pmid(item: CslInput): string | undefined {
	const direct = item.PMID?.toString().trim().replace(/^PMID:\s*/i, '');
	if (direct) return direct;
	return /PMID:\s*(\d+)/i.exec(item.note ?? '')?.[1];
}

function issued(item: CslInput): Reference['issued'] {
	const parts = item.issued?.['date-parts']?.[0]?.map((n) => Number(n)).filter((n) => Number.isInteger(n));
	if (parts?.length) return { 'date-parts': [parts as [number, ...number[]]] };
	const year = /\b(1[89]\d\d|20\d\d)\b/.exec(item.issued?.raw ?? item.issued?.literal ?? '')?.[1];
	return year ? { 'date-parts': [[Number(year)]] } : undefined;
}

/** Fields readers expect on a journal article beyond the required ones: recorded as missing when absent. */
const EXPECTED: Partial<Record<Reference['type'], string[]>> = { 'article-journal': ['volume', 'page', 'DOI', 'PMID'] };

/** One CSL item as our reference (before validation). */
export function toReference(item: CslInput, key: string, source: string): Reference {
	const ref: Record<string, unknown> = {
		id: key,
		type: TYPES[item.type ?? ''] ?? 'document',
		title: item.title?.trim() ?? '',
		author: names(item),
		'container-title': item['container-title']?.trim() || undefined,
		publisher: item.publisher?.trim() || undefined,
		issued: issued(item),
		volume: item.volume ?? undefined,
		issue: item.issue ?? undefined,
		page: item.page?.replace(/--/g, '-') || undefined,
		DOI: doi(item.DOI),
		PMID: pmid(item),
		URL: item.URL && /^https?:\/\//.test(item.URL) ? item.URL : undefined,
		'x-evidence': {
			kind: 'unclassified',
			tier: 'unknown',
			publisher: item['container-title']?.trim() || item.publisher?.trim() || 'Not given in the imported record',
		},
	};
	for (const k of Object.keys(ref)) if (ref[k] === undefined) delete ref[k];
	const draft = ref as unknown as Reference;
	const missing = [...new Set([...missingRequiredFields(draft).flatMap((f) => f.split('|').slice(0, 1)), ...(EXPECTED[draft.type] ?? []).filter((f) => ref[f] === undefined)])];
	if (missing.length) {
		ref['x-missing'] = {
			fields: missing,
			reason: `Not in the record imported from ${source}. Add them from the publication itself, or keep them listed here if it does not give them.`,
		};
	}
	return ref as unknown as Reference;
}

/** YAML as editors write it by hand: dates and field lists on one line, identifiers quoted. */
function toYaml(reference: Reference): string {
	const doc = new Document(reference);
	for (const path of [['issued'], ['x-missing', 'fields']]) {
		const node = doc.getIn(path, true);
		if (isCollection(node)) node.flow = true;
	}
	return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/^(PMID: )(\d+)$/m, '$1"$2"');
}

const normTitle = (t: string) => words(t).join(' ');

/**
 * Converts every entry, refusing duplicates of existing references (same DOI, PMID, or title and
 * year) and of each other. Returns the files to write and the refusals; the caller writes nothing
 * if anything was refused.
 */
export function importEntries(items: CslInput[], existing: ExistingReference[], source: string): { entries: ImportedEntry[]; refused: RefusedEntry[] } {
	const taken = new Map(existing.map((e) => [e.key, e]));
	const known = [...existing];
	const entries: ImportedEntry[] = [];
	const refused: RefusedEntry[] = [];
	items.forEach((item, i) => {
		const label = `entry ${i + 1}${item.id ? ` (${item.id})` : ''}${item.title ? `: "${item.title.slice(0, 60)}"` : ''}`;
		const base = deriveKey(toReference(item, 'x', source));
		let key = base;
		for (let n = 0; taken.has(key); n++) key = `${base}${String.fromCharCode(97 + n)}`;
		const reference = toReference(item, key, source);
		const year = reference.issued?.['date-parts'][0][0];
		const duplicate = known.find(
			(e) =>
				(reference.DOI && e.DOI?.toLowerCase() === reference.DOI.toLowerCase() && 'DOI') ||
				(reference.PMID && e.PMID === reference.PMID && 'PMID') ||
				(normTitle(e.title) === normTitle(reference.title) && e.year === year),
		);
		if (duplicate) {
			const why = reference.DOI && duplicate.DOI?.toLowerCase() === reference.DOI.toLowerCase() ? `the same DOI (${reference.DOI})` : reference.PMID && duplicate.PMID === reference.PMID ? `the same PMID (${reference.PMID})` : 'the same title and year';
			refused.push({ label, reason: `It is already in the handbook as [@${duplicate.key}] (content/references/${duplicate.key}.yaml): ${why}. Cite [@${duplicate.key}] instead, or correct that file.` });
			return;
		}
		const result = ReferenceSchema.safeParse(reference, { error: editorErrorMap(ReferenceSchema) });
		if (!result.success) {
			refused.push({ label, reason: `It cannot be imported as it is: ${result.error.issues.map((x) => `${x.path.join('.') || 'entry'}: ${x.message}`).join('; ')}` });
			return;
		}
		if (!CITATION_KEY.test(key)) {
			refused.push({ label, reason: `No usable key could be derived ("${key}").` });
			return;
		}
		taken.set(key, { key, DOI: reference.DOI, PMID: reference.PMID, title: reference.title, year });
		known.push({ key, DOI: reference.DOI, PMID: reference.PMID, title: reference.title, year });
		const header = `# Imported from ${source} with npm run ref:add. Check every field against the publication,\n# then set x-evidence.kind and tier (they start as unclassified / unknown).\n`;
		entries.push({ key, label, reference, yaml: header + toYaml(reference) });
	});
	return { entries, refused };
}
