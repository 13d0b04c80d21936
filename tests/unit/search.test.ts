/**
 * Search query processing (src/lib/search/): words, stop words, vocabulary, typo tolerance and
 * ranking, on small made-up pages, never on the real content.
 */
import { describe, expect, test } from 'vitest';
import { isWordMatch, words } from '../../src/lib/search/text.ts';
import { buildVocabulary, definedAbbreviations, parseQuery } from '../../src/lib/search/vocabulary.ts';
import { allowedEdits, editDistance, nearestTerms } from '../../src/lib/search/typo.ts';
import { pageUnits, rankUnits, type PageData } from '../../src/lib/search/rank.ts';
import { SearchEngine, type PagefindLike, type PagefindResult } from '../../src/lib/search/engine.ts';
import { loadVocabulary, termList, vocabularyGroups } from '../../src/lib/search/build-data.ts';

describe('words', () => {
	test('split at dashes, slashes and punctuation; apostrophes and accents folded', () => {
		expect(words('Pain-free walking/running—then LIPUS (Béla’s test)')).toEqual(['pain', 'free', 'walking', 'running', 'then', 'lipus', 'belas', 'test']);
		expect(words("runner's knee")).toEqual(['runners', 'knee']);
	});

	test('short query words match only themselves plus an ending, not any longer word', () => {
		expect(isWordMatch('run', 'running')).toBe(true);
		expect(isWordMatch('run', 'runners')).toBe(true);
		expect(isWordMatch('abs', 'absence')).toBe(false);
		expect(isWordMatch('hip', 'hip-related')).toBe(true);
		expect(isWordMatch('tendinopathy', 'tendinopathies')).toBe(true);
		expect(isWordMatch('injuries', 'injury')).toBe(true);
		expect(isWordMatch('inclines', 'in')).toBe(false);
		expect(isWordMatch('inclines', 'include')).toBe(false);
	});
});

describe('typo tolerance', () => {
	test('edit distance counts a swap of neighbouring letters as one edit and stops early', () => {
		expect(editDistance('terrian', 'terrain')).toBe(1);
		expect(editDistance('strenghtening', 'strengthening')).toBe(1);
		expect(editDistance('patelofemoral', 'patellofemoral')).toBe(1);
		expect(editDistance('ultrasund', 'ultrasound')).toBe(1);
		expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
	});

	test('no corrections for short words; one edit up to seven letters, two beyond', () => {
		expect(allowedEdits('much')).toBe(0);
		expect(allowedEdits('terrian')).toBe(1);
		expect(allowedEdits('strenghtening')).toBe(2);
		expect(allowedEdits('10mg')).toBe(0);
	});

	test('nearest terms: closest first, then the more frequent, same first letter preferred', () => {
		const terms = [
			{ term: 'terrain', count: 2 },
			{ term: 'terrains', count: 1 },
			{ term: 'barrier', count: 9 },
		];
		expect(nearestTerms('terrian', terms).map((t) => t.term)).toEqual(['terrain']);
		expect(nearestTerms('terrian', terms, { max: 2 }).map((t) => t.term)).toEqual(['terrain', 'terrains']);
		expect(nearestTerms('xyz', terms)).toEqual([]);
	});
});

describe('vocabulary', () => {
	const vocabulary = buildVocabulary([
		['medial tibial stress syndrome', 'MTSS', 'shin splints'],
		['programme', 'program'],
	]);

	test('a phrase in the query becomes one concept found by any of its terms', () => {
		const concepts = parseQuery('shin splints in runners', vocabulary);
		expect(concepts.map((c) => c.typed)).toEqual(['shin splints', 'in', 'runners']);
		expect(concepts[0]!.alternatives.map((a) => a.words.join(' '))).toEqual(['shin splints', 'medial tibial stress syndrome', 'mtss']);
		expect(concepts[1]!.stop).toBe(true);
	});

	test('abbreviations and spellings expand both ways; case does not matter', () => {
		expect(parseQuery('mtss', vocabulary)[0]!.alternatives.map((a) => a.label)).toContain('shin splints');
		expect(parseQuery('Program', vocabulary)[0]!.alternatives.map((a) => a.label)).toContain('programme');
	});

	test('abbreviations a text defines itself are found (Schwartz–Hearst)', () => {
		expect(definedAbbreviations('Avoid low-intensity pulsed ultrasound (LIPUS) in runners. See the bone stress injury (BSI) notes (see above).')).toEqual([
			['low-intensity pulsed ultrasound', 'LIPUS'],
			['bone stress injury', 'BSI'],
		]);
	});

	test('the groups shipped to the browser: editor entries, then abbreviations the pages define, without duplicates', () => {
		const groups = vocabularyGroups([{ term: 'bone stress injury', also: ['BSI'], kind: 'abbreviation' }], ['bone stress injury (BSI) and patellofemoral pain syndrome (PFPS)']);
		expect(groups).toEqual([
			['bone stress injury', 'BSI'],
			['patellofemoral pain syndrome', 'PFPS'],
		]);
	});

	test('an invalid vocabulary file is reported with line, column, field and what to write', () => {
		const { problems } = loadVocabulary('content/search-vocabulary.yaml', '- term: shin splints\n  also: MTSS\n  kind: synonym\n- term: x\n  also: [yy]\n  kind: nickname\n');
		expect(problems.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['2:3 0.also', '4:3 1.term', '6:3 1.kind']);
		expect(problems[2]!.message).toMatch(/synonym/);
	});

	test('the term list counts indexed words (3+ letters, no numbers), most frequent first', () => {
		expect(termList(['Pain pain walking 10 at', 'pain-free'])).toEqual([
			['pain', 3],
			['free', 1],
			['walking', 1],
		]);
	});
});

/** A made-up guideline page in Pagefind's fragment shape. */
function fakePage(url: string, kind: string, blocks: { id: string; element: string; text: string }[]): PageData {
	const content: string[] = [];
	const anchors = blocks.map((b) => {
		const location = content.length;
		content.push(...b.text.split(' '));
		return { element: b.element, id: b.id, text: b.text, location };
	});
	return { url, content: content.join(' '), meta: { title: blocks[0]!.text, kind }, anchors };
}

const GUIDE = fakePage('/guidelines/knee/sample/', 'guideline', [
	{ id: '_top', element: 'h1', text: 'Knee pain in cyclists' },
	{ id: 'assessment', element: 'h2', text: 'Assessment.' },
	{ id: 'swelling', element: 'li', text: 'Swelling after a fall suggests a ligament injury' },
	{ id: 'night-pain', element: 'li', text: 'Pain at night needs imaging' },
	{ id: 'surfaces', element: 'h2', text: 'Saddle height.' },
	{ id: 'raise-saddle', element: 'li', text: 'Raise the saddle before increasing distance' },
	{ id: 'distance', element: 'li', text: 'Increase distance by ten percent a week and never ride through pain with swelling or knee pain at night' },
]);
const REFERENCE = fakePage('/references/ligament/', 'reference', [{ id: '_top', element: 'h1', text: 'Ligament injury in cyclists' }]);

/** A fake Pagefind over the made-up pages: a word matches indexed words starting with it. */
function fakePagefind(pages: PageData[]): PagefindLike & { calls: string[] } {
	const calls: string[] = [];
	return {
		calls,
		async search(term: string) {
			calls.push(term);
			const results: PagefindResult[] = [];
			pages.forEach((p, i) => {
				const positions = p.content.split(' ').flatMap((w, at) => (words(w).some((x) => x.startsWith(term)) ? [at] : []));
				if (positions.length) results.push({ id: String(i), score: positions.length, words: positions, data: async () => p });
			});
			return { results };
		},
	};
}

describe('ranking', () => {
	const vocabulary = buildVocabulary([['imaging', 'MRI', 'scan']]);

	test('units: every anchor, with its section path', () => {
		const units = pageUnits(GUIDE);
		const night = units.find((u) => u.id === 'night-pain')!;
		expect(night.context.map((h) => h.id)).toEqual(['_top', 'assessment']);
		expect(units.find((u) => u.id === 'raise-saddle')!.context.map((h) => h.id)).toEqual(['_top', 'surfaces']);
	});

	test('the focused statement that covers the whole query beats a long one that mentions every word once', () => {
		const concepts = parseQuery('night pain', vocabulary);
		const at = (w: string) => GUIDE.content.split(' ').flatMap((x, i) => (words(x).includes(w) ? [i] : []));
		const pos = new Map([[GUIDE.url, new Map([
			['night', at('night')],
			['pain', at('pain')],
		])]]);
		const ranked = rankUnits(concepts, [GUIDE], pos);
		expect(ranked[0]!.unit.id).toBe('night-pain');
		expect(ranked[0]!.sections).toEqual(['Assessment']);
		expect(ranked[0]!.url).toBe('/guidelines/knee/sample/#night-pain');
	});

	test('evidence filter: only statements citing that kind', async () => {
		const page = { ...GUIDE, meta: { ...GUIDE.meta, 'statement-evidence': 'swelling=Cohort study;night-pain=Expert opinion' } };
		const engine = new SearchEngine({ pagefind: fakePagefind([page]), vocabulary: [], loadTerms: async () => [] });
		const all = await engine.search('swelling');
		expect(all.results[0]!.unit.id).toBe('swelling');
		const expert = await engine.search('swelling', { evidence: ['Expert opinion'] });
		expect(expert.results.map((r) => r.unit.id)).not.toContain('swelling');
	});
});

describe('the search engine', () => {
	const terms = termList([GUIDE.content, REFERENCE.content]).map(([term, count]) => ({ term, count }));
	const make = () => new SearchEngine({ pagefind: fakePagefind([GUIDE, REFERENCE]), vocabulary: [['imaging', 'MRI', 'scan']], loadTerms: async () => terms });

	test('a synonym lands where the preferred term is', async () => {
		const out = await make().search('MRI');
		expect(out.results[0]!.unit.id).toBe('night-pain');
		expect(out.expansions).toEqual([{ typed: 'mri', also: ['imaging', 'scan'] }]);
	});

	test('a question: stop words are not required, the statement is found', async () => {
		const out = await make().search('what should I do about swelling after a fall?');
		expect(out.results[0]!.unit.id).toBe('swelling');
	});

	test('a misspelt word is corrected to the indexed term', async () => {
		const out = await make().search('ligamnet injury');
		expect(out.corrections).toEqual([{ typed: 'ligamnet', term: 'ligament' }]);
		expect(out.results[0]!.unit.id).toBe('swelling');
	});

	test('a statement ranks above the reference page and the page top', async () => {
		const out = await make().search('ligament injury');
		expect(out.results[0]!.unit.id).toBe('swelling');
		expect(out.results.map((r) => r.url)).toContain('/references/ligament/');
	});

	test('a word found nowhere is left out rather than emptying the result', async () => {
		const out = await make().search('saddle zqxwv');
		expect(out.dropped).toEqual(['zqxwv']);
		expect(out.results[0]!.unit.id).toBe('raise-saddle');
	});

	test('nothing found: the nearest terms are suggested, never an empty answer', async () => {
		const out = await make().search('sadle');
		expect(out.results.length).toBeGreaterThan(0);
		const none = await make().search('xylophones');
		expect(none.results).toEqual([]);
		expect(none.suggestions.length).toBeGreaterThan(0);
	});

	test('only stop words: they are searched', async () => {
		const out = await make().search('before');
		expect(out.results[0]!.unit.id).toBe('raise-saddle');
	});
});
