/**
 * "Save to Zotero" from a page, as Zotero's Embedded Metadata translator reads Highwire
 * `citation_*` tags: a port of the parts that decide title, item type, creators and date, from
 * zotero/translators "Embedded Metadata.js" (HIGHWIRE_MAPPINGS, detectWeb's Highwire type,
 * addHighwireMetadata, processHighwireCreators) and zotero/utilities `cleanAuthor`. Kept to
 * their logic (not ours) so a test can say what Zotero would save.
 */
import type { HtmlElement } from '../../src/lib/html/dom.ts';

export interface ZoteroCreator {
	lastName: string;
	firstName?: string;
	creatorType: 'author';
}

export interface ZoteroItem {
	itemType: string;
	title?: string;
	date?: string;
	publisher?: string;
	institution?: string;
	abstractNote?: string;
	creators: ZoteroCreator[];
}

function metas(doc: HtmlElement, name: string): string[] {
	return doc.querySelectorAll(`meta[name="${name}"]`).map((m) => m.getAttribute('content') ?? '');
}

/** zotero/utilities cleanAuthor (without the initials and case fixing, which do not apply here). */
export function cleanAuthor(author: string, useComma: boolean): ZoteroCreator {
	author = author
		.replace(/^[\s\u00A0.,/[\]:]+/, '')
		.replace(/[\s\u00A0.,/[\]:]+$/, '')
		.replace(/[\s\u00A0]+/, ' ');
	let lastName: string;
	let firstName: string | undefined;
	if (useComma) {
		author = author.replace(/\.([^ ])/, '. $1');
		const split = author.split(/[,،] ?/);
		if (split.length > 1) [lastName, firstName] = [split[0]!, split[1]!];
		else lastName = author;
	} else {
		let space = author.length;
		do {
			space = author.lastIndexOf(' ', space - 1);
			lastName = author.substring(space + 1);
			firstName = author.substring(0, space);
		} while (!/\p{L}/u.test(lastName[0] ?? '') && space > 0);
	}
	return { lastName, ...(firstName && { firstName }), creatorType: 'author' };
}

/** processHighwireCreators for authors. */
function creators(nodes: string[]): ZoteroCreator[] {
	const out: ZoteroCreator[] = [];
	let last: string | undefined;
	for (const node of nodes) {
		let names = node.split(/\s*;\s*/);
		if (names.length === 1 && nodes.length === 1) {
			const byComma = names[0]!.split(/\s*,\s*/);
			if (byComma.length > 1 && byComma[0]!.includes(' ') && byComma[1]!.includes(' ')) names = byComma;
		}
		for (let name of names) {
			name = name.trim();
			if (!name || !/[^\s,\-.;]/.test(name) || name === last) continue;
			last = name;
			out.push(cleanAuthor(name, name.includes(',')));
		}
	}
	return out;
}

/** The item Zotero saves from the page's Highwire tags. */
export function zoteroFromHighwire(doc: HtmlElement): ZoteroItem {
	const first = (name: string) => metas(doc, name)[0];
	// detectWeb: the Highwire type from the tags present.
	const itemType = first('citation_journal_title')
		? 'journalArticle'
		: first('citation_technical_report_institution')
			? 'report'
			: first('citation_conference_title')
				? 'conferencePaper'
				: first('citation_title')
					? 'journalArticle'
					: 'webpage';
	const authorNodes = metas(doc, 'citation_author');
	const date = first('citation_publication_date') ?? first('citation_cover_date') ?? first('citation_date') ?? first('citation_online_date');
	const item: ZoteroItem = { itemType, creators: creators(authorNodes.length ? authorNodes : metas(doc, 'citation_authors')) };
	const title = first('citation_title');
	if (title) item.title = title;
	// ZU.strToISO for the Highwire form YYYY/MM/DD.
	if (date) item.date = date.replace(/^(\d{4})\/(\d{2})\/(\d{2})$/, '$1-$2-$3');
	const publisher = first('citation_publisher');
	if (publisher) item.publisher = publisher;
	const institution = first('citation_technical_report_institution');
	if (institution) item.institution = institution;
	const abstract = first('citation_abstract');
	if (abstract) item.abstractNote = abstract;
	return item;
}
