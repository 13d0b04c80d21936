/**
 * Ranking: which statement or section answers the query best. Pagefind finds the pages and the
 * positions of each word; this module cuts each page into units (every element with an id that
 * Pagefind indexed: a statement, a heading with the text under it, the page top) and scores each
 * unit by how much of the query it covers, weighted by how rare each concept is, with credit for
 * words found in the unit's section heading, phrases kept together, and short, focused units.
 * Pure: no DOM, no network.
 */
import type { Concept } from './vocabulary.ts';
import { isWordMatch, words as textWords } from './text.ts';

/** What Pagefind's `result.data()` returns, as far as ranking needs it. */
export interface PageData {
	url: string;
	content: string;
	meta: Record<string, string | undefined>;
	filters?: Record<string, string[]>;
	anchors: { element: string; id: string; text: string; location: number }[];
}

export interface Unit {
	pageUrl: string;
	pageTitle: string;
	/** Anchor id ("_top" for the page top). */
	id: string;
	element: string;
	/** Word positions [start, end) in the page content. */
	start: number;
	end: number;
	/** End of the heading's own words (headings only): what counts as section context. */
	ownEnd: number;
	/** Headings above this unit, outermost first (the unit's section path). */
	context: Unit[];
	/** Evidence kinds of the references the statement cites (empty for headings). */
	evidence: string[];
}

export interface Ranked {
	unit: Unit;
	score: number;
	/** Share of the query's weight the unit covers (0–1). */
	coverage: number;
	/** Positions of matched words inside the unit, for highlighting. */
	highlights: number[];
	/** URL to open: the page, with #id unless the unit is the page top. */
	url: string;
	/** Section names ("Surface Progression"), outermost first. */
	sections: string[];
	/** The unit's words as indexed (for display). */
	text: string;
}

const HEADING = /^h[1-6]$/;

/** Cuts one page into units, each with its section path. */
export function pageUnits(page: PageData): Unit[] {
	const title = page.meta.title ?? page.url;
	const evidence = new Map<string, string[]>();
	for (const pair of (page.meta['statement-evidence'] ?? '').split(';')) {
		const [id, kinds] = pair.split('=');
		if (id) evidence.set(id, kinds ? kinds.split('/') : []);
	}
	const pageEvidence = page.filters?.evidence ?? [];
	const total = page.content.split(/\s+/).length;
	const anchors = [...page.anchors].sort((a, b) => a.location - b.location);
	const units: Unit[] = [];
	const stack: Unit[] = [];
	anchors.forEach((a, i) => {
		let end = total;
		for (let j = i + 1; j < anchors.length; j++) {
			if (anchors[j]!.location > a.location) {
				end = anchors[j]!.location;
				break;
			}
		}
		const heading = HEADING.test(a.element);
		const level = heading ? Number(a.element[1]) : 7;
		if (heading) while (stack.length && Number(stack.at(-1)!.element[1]) >= level) stack.pop();
		const unit: Unit = {
			pageUrl: page.url,
			pageTitle: title,
			id: a.id,
			element: a.element,
			start: a.location,
			end: Math.max(end, a.location + 1),
			ownEnd: heading ? Math.min(end, a.location + Math.max(1, a.text.split(/\s+/).filter(Boolean).length)) : end,
			context: [...stack],
			evidence: evidence.get(a.id) ?? (a.id === '_top' ? pageEvidence : []),
		};
		units.push(unit);
		if (heading) stack.push(unit);
	});
	if (!units.length) {
		units.push({ pageUrl: page.url, pageTitle: title, id: '_top', element: 'h1', start: 0, end: total, ownEnd: total, context: [], evidence: pageEvidence });
	}
	return units;
}

/** Positions of each searched word on one page. */
export type WordPositions = Map<string, number[]>;

interface Match {
	/** 0–1: how fully the concept is found (all words of an alternative = 1, times its weight). */
	strength: number;
	positions: number[];
	adjacent: boolean;
}

function inRange(positions: readonly number[] | undefined, start: number, end: number): number[] {
	return positions ? positions.filter((p) => p >= start && p < end) : [];
}

function matchConcept(concept: Concept, positions: WordPositions, start: number, end: number): Match {
	let best: Match = { strength: 0, positions: [], adjacent: false };
	for (const alt of concept.alternatives) {
		const found = alt.words.map((w) => inRange(positions.get(w), start, end));
		const present = found.filter((f) => f.length > 0).length;
		if (!present) continue;
		// Partial phrases count for less than half: "stress" alone is not "medial tibial stress
		// syndrome". Only for what the reader typed: part of a synonym is no evidence at all.
		if (present < alt.words.length && alt.via) continue;
		const share = present === alt.words.length ? 1 : (0.4 * present) / alt.words.length;
		const strength = share * alt.weight;
		const adjacent = present === alt.words.length && alt.words.length > 1 && isPhrase(found);
		if (strength > best.strength || (strength === best.strength && adjacent && !best.adjacent)) best = { strength, positions: found.flat(), adjacent };
	}
	return best;
}

/** Whether the words occur in order, each right after the one before (a phrase). */
function isPhrase(found: number[][]): boolean {
	return found[0]!.some((p) => found.every((positions, i) => positions.includes(p + i)));
}

export interface RankOptions {
	/** Only statements citing a reference of one of these evidence kinds (headings are dropped). */
	evidence?: string[];
}

/**
 * Scores every unit of the given pages against the query's concepts. `positions` maps a page URL
 * to the positions of each searched word on it. Returns units with a score, best first.
 */
export function rankUnits(concepts: Concept[], pages: PageData[], positions: Map<string, WordPositions>, options: RankOptions = {}): Ranked[] {
	const onlyStop = !concepts.some((c) => !c.stop);
	// Stop words never decide whether a unit is a result, but where the content words tie, the
	// unit that also has them ("if pain" → "If pain occurs") comes first.
	const active = onlyStop ? concepts : concepts.filter((c) => !c.stop);
	const minor = onlyStop ? [] : concepts.filter((c) => c.stop);
	if (!active.length) return [];
	const all = pages.flatMap((p) => {
		const pos = realMatches(p, positions.get(p.url) ?? new Map());
		const units = pageUnits(p);
		return units.map((u) => ({ u, pos, page: p, many: units.length > 2 }));
	});
	// Rarity: a concept found in few units weighs more than one found everywhere.
	const df = active.map((c) => all.filter(({ u, pos }) => matchConcept(c, pos, u.start, u.end).strength >= 0.85).length);
	const n = Math.max(all.length, 20);
	const weight = active.map((_, i) => Math.log(1 + (n + 1) / (df[i]! + 0.5)));
	const totalWeight = weight.reduce((a, b) => a + b, 0);

	const ranked: Ranked[] = [];
	for (const { u, pos, page, many } of all) {
		if (options.evidence?.length && !u.evidence.some((k) => options.evidence!.includes(k))) continue;
		let covered = 0;
		let score = 0;
		const highlights: number[] = [];
		active.forEach((concept, i) => {
			const m = matchConcept(concept, pos, u.start, u.end);
			let strength = m.strength;
			if (m.positions.length) highlights.push(...m.positions);
			// Words in the section heading or page title give the unit some credit.
			if (strength < 1) {
				for (const h of u.context) {
					const ctx = matchConcept(concept, pos, h.start, h.ownEnd).strength * (h.element === 'h1' ? 0.25 : 0.45);
					strength = Math.max(strength, ctx);
				}
			}
			if (!strength) return;
			const tf = Math.min(m.positions.length, 4);
			covered += weight[i]! * strength;
			score += weight[i]! * strength * (1 + 0.1 * Math.max(0, tf - 1)) * (m.adjacent ? 1.3 : 1);
		});
		if (!score) continue;
		for (const c of minor) {
			const m = matchConcept(c, pos, u.start, u.end);
			if (m.strength) {
				score *= 1.06;
				highlights.push(...m.positions);
			}
		}
		const coverage = covered / totalWeight;
		const length = u.end - u.start;
		// Focused units first: a one-line statement beats a long section that mentions the words once.
		const focus = 1 / (1 + 0.012 * Math.max(0, length - 15));
		const final = score * (0.25 + coverage * coverage) * focus * prior(page, u, many);
		const pageWords = page.content.split(/\s+/);
		ranked.push({
			unit: u,
			score: final,
			coverage,
			highlights: [...new Set(highlights)].sort((a, b) => a - b),
			url: u.id === '_top' ? u.pageUrl : `${u.pageUrl}#${u.id}`,
			sections: u.context.filter((h) => h.element !== 'h1').map((h) => headingText(pageWords, h)),
			text: pageWords.slice(u.start, u.end).join(' '),
		});
	}
	ranked.sort((a, b) => b.score - a.score || a.unit.start - b.unit.start);
	return ranked;
}

/**
 * What kind of place a unit is: a guideline's statements and sections are what readers search for;
 * a guideline's page top (its title) and reference pages come after them, other pages (home,
 * editorial policy) last. Pages say their kind in Pagefind metadata (`kind`).
 */
function prior(page: PageData, unit: Unit, many: boolean): number {
	const kind = page.meta.kind ?? 'page';
	// A section heading that matches as well as a statement comes after it: the statement is the
	// answer, and it shows its section anyway.
	if (kind === 'guideline') return unit.id === '_top' && many ? 0.6 : HEADING.test(unit.element) ? 0.9 : 1;
	if (kind === 'reference') return 0.7;
	// Editorial pages (home, policy, editor guide) answer editors' questions, not clinical ones.
	return 0.3;
}

/** Positions whose indexed word really is the searched word (see isWordMatch); the result is cached per page and word. */
function realMatches(page: PageData, positions: WordPositions): WordPositions {
	const pageWords = page.content.split(/\s+/);
	const out: WordPositions = new Map();
	for (const [word, list] of positions) out.set(word, list.filter((p) => pageWords[p] !== undefined && isWordMatch(word, pageWords[p]!)));
	return out;
}

function headingText(pageWords: string[], h: Unit): string {
	return pageWords.slice(h.start, h.ownEnd).join(' ').replace(/\.$/, '');
}

/** Words of a query concept's alternatives that Pagefind must be asked about. */
export function searchWords(concepts: Concept[]): string[] {
	return [...new Set(concepts.flatMap((c) => c.alternatives.flatMap((a) => a.words)))];
}

/** Query words, normalised, for highlighting matches in displayed text. */
export { textWords };
