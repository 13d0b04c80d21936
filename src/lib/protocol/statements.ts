/**
 * How the calculators name the statements their rules cite: a short label (the statement's first
 * words, cut at a word boundary) as the visible link text, and "section › full text" shown on
 * hover and focus. A reader never sees a claim id; a cited id with no statement (which
 * `npm run check` reports) is named "the cited statement", never by its id.
 */
import { splitHeadingAside } from '../claims/heading-aside.ts';
import type { Protocol } from '../../schemas/protocol.ts';

export interface StatementRef {
	/** Visible link text: the statement's opening words. */
	label: string;
	/** The whole statement, after its section's heading ("Section › text"). */
	text: string;
}

/** What each calculator island is given (src/components/islands/Islands.astro renders them). */
export interface IslandProps {
	protocol: Protocol;
	/** Label and text of each statement the protocol cites. */
	statements: Record<string, StatementRef>;
	/** This instance's id prefix (content/anchors.ts islandPrefix). */
	prefix: string;
}

/** Longest visible label, in characters (the ellipsis included). */
export const LABEL_MAX = 48;

/** "Begin with 30-60 second running intervals interspersed…": at most `max` characters, cut between words. */
export function statementLabel(text: string, max = LABEL_MAX): string {
	const clean = text.replace(/\s+/g, ' ').trim().replace(/[.:;,]$/, '');
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const atWord = cut.replace(/[\s—–-]+\S*$/, '');
	return `${(atWord.length >= max / 2 ? atWord : cut).replace(/[\s.,;:—–-]+$/, '')}…`;
}

interface PageStatements {
	claims: readonly { id: string; text: string; section: string | null }[];
	headings: readonly { id: string; text: string }[];
}

/** The label and hover text of each cited claim id found on the page. */
export function statementRefs(page: PageStatements | undefined, ids: Iterable<string>): Record<string, StatementRef> {
	const claims = new Map((page?.claims ?? []).map((c) => [c.id, c]));
	const headings = new Map((page?.headings ?? []).map((h) => [h.id, splitHeadingAside(h.text)?.main ?? h.text]));
	const out: Record<string, StatementRef> = {};
	for (const id of ids) {
		const claim = claims.get(id);
		if (!claim) continue;
		const section = claim.section ? headings.get(claim.section) : undefined;
		const text = claim.text.replace(/\s+/g, ' ').trim();
		out[id] = { label: statementLabel(text), text: section ? `${section} › ${text}` : text };
	}
	return out;
}

/** The label of a cited id, or a neutral name when the statement is missing (never the id). */
export function refLabel(refs: Record<string, StatementRef>, id: string): StatementRef {
	return refs[id] ?? { label: 'the cited statement', text: 'This statement is missing from the page.' };
}

/** Every claim id a protocol cites (each `claims: [...]` list, wherever it is). */
export function protocolClaimIds(protocol: unknown): string[] {
	const ids = new Set<string>();
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) node.forEach(walk);
		else if (node && typeof node === 'object') {
			for (const [key, value] of Object.entries(node)) {
				if (key === 'claims' && Array.isArray(value)) for (const id of value) if (typeof id === 'string') ids.add(id);
				walk(value);
			}
		}
	};
	walk(protocol);
	return [...ids];
}
