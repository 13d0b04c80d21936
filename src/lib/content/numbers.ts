/**
 * Numbers in clinical text and in protocol rules, normalised so that a rule can be compared with
 * the statement it cites: "10-14" gives 10 and 14, "30-50%" gives 30 and 50 and also the fractions
 * 0.3 and 0.5, "10%" gives 10 and 0.1, "alternate days" gives 2. Pure functions, no I/O.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';

/** A number as written in text, with the values it stands for. */
export interface TextNumber {
	/** As written, e.g. "30-50%". */
	raw: string;
	/** Every value it can be compared as (percentages also as fractions). */
	values: number[];
}

/** Words that state a number in clinical text. */
const WORD_NUMBERS: Record<string, number> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	twelve: 12,
	fourteen: 14,
	twenty: 20,
	half: 0.5,
	// "on alternate days" / "every other day": one session every second day.
	alternate: 2,
	'every other': 2,
};

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
/** A number or a range of two ("10-14", "10–14", "10 to 14"), with an optional % after either. */
const NUMBER_OR_RANGE = new RegExp(String.raw`(${NUMBER})\s*(%?)(?:\s*(?:-|–|—|to)\s*(${NUMBER})\s*(%?))?`, 'g');

const toNumber = (s: string) => Number(s.replace(',', '.'));

/** Every number stated in `text`: digits, ranges, percentages and number words. */
export function numbersInText(text: string): TextNumber[] {
	const out: TextNumber[] = [];
	for (const m of text.matchAll(NUMBER_OR_RANGE)) {
		const [raw, a, pa, b, pb] = m;
		const percent = pa === '%' || pb === '%';
		for (const value of b === undefined ? [toNumber(a!)] : [toNumber(a!), toNumber(b)]) {
			out.push({ raw: raw.trim(), values: percent ? [value, round(value / 100)] : [value] });
		}
	}
	const lower = text.toLowerCase();
	for (const [word, value] of Object.entries(WORD_NUMBERS)) {
		if (new RegExp(`\\b${word}\\b`).test(lower)) out.push({ raw: word, values: value < 1 ? [value, value * 100] : [value] });
	}
	return out;
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** True when `value` is one of the numbers `text` states (in any of its normalised forms). */
export function textStates(text: string, value: number): boolean {
	return numbersInText(text).some((n) => n.values.some((v) => Math.abs(v - value) < 1e-9));
}

/**
 * True when `text` states the range [lo, hi] as a range ("10-14", "10–14 days", "10 to 14",
 * "30-50%" for [0.3, 0.5]), not merely both numbers somewhere. A range whose ends are equal is
 * stated by that number alone.
 */
export function textStatesRange(text: string, lo: number, hi: number): boolean {
	if (Math.abs(lo - hi) < 1e-9) return textStates(text, lo);
	const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
	for (const m of text.matchAll(NUMBER_OR_RANGE)) {
		const [, a, pa, b, pb] = m;
		if (b === undefined) continue;
		const [x, y] = [toNumber(a!), toNumber(b)];
		const forms: [number, number][] = [[x, y]];
		if (pa === '%' || pb === '%') forms.push([round(x / 100), round(y / 100)]);
		if (forms.some(([p, q]) => same(p, lo) && same(q, hi))) return true;
	}
	return false;
}

/** The numbers `text` states as written (for the bottom line: each must be stated in the body). */
export function statedValues(text: string): { raw: string; value: number }[] {
	return numbersInText(text)
		.filter((n) => /\d/.test(n.raw))
		.map((n) => ({ raw: n.raw, value: n.values[0]! }));
}

/** One number of a protocol rule, where it is written, and the claims the rule cites. */
export interface RuleNumber {
	/** Path in the file, e.g. "gates.0.min". */
	path: string;
	value: number;
	line: number;
	column: number;
	/** Claim ids cited by the rule the number belongs to (its nearest `claims:`). */
	claims: string[];
	/** Set when the number is a range [low, high] (`value` is then its low end): it must be stated as a range. */
	range?: [number, number];
}

/** Parts of a protocol that are not taken from the guideline: never compared with it. */
const NOT_FROM_THE_GUIDELINE = new Set(['assumptions', 'limits']);

/**
 * Every number of every rule in a protocol document, with the claims its rule cites. A rule is a
 * mapping with `claims:`; its numbers are those in its other fields, not in nested rules (which
 * cite their own claims) and not in assumptions (values the guideline does not give, with a reason).
 */
export function protocolRuleNumbers(root: YamlNode | null | undefined, counter: LineCounter): RuleNumber[] {
	const out: RuleNumber[] = [];
	const claimIds = (node: YamlNode | null | undefined): string[] | undefined => {
		if (!isMap(node)) return undefined;
		const claims = node.get('claims', true);
		return isSeq(claims) ? claims.items.flatMap((n) => (isScalar(n) && typeof n.value === 'string' ? [n.value] : [])) : undefined;
	};
	const visit = (node: YamlNode | null | undefined, path: string[], claims: string[] | undefined) => {
		if (isMap(node)) {
			// An assumption (value + reason) is not from the guideline.
			if (node.has('reason')) return;
			const own = claimIds(node) ?? claims;
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : '';
				if (key === 'claims' || (path.length === 0 && NOT_FROM_THE_GUIDELINE.has(key))) continue;
				visit(pair.value as YamlNode, [...path, key], own);
			}
		} else if (isSeq(node)) {
			// A pair of numbers is a range [low, high]: compared as one, so "10-14" states [10, 14] but "10% … 14 days" does not.
			const [lo, hi] = node.items as YamlNode[];
			if (node.items.length === 2 && isScalar(lo) && isScalar(hi) && typeof lo.value === 'number' && typeof hi.value === 'number' && claims?.length) {
				const { line, col } = counter.linePos(node.range?.[0] ?? 0);
				out.push({ path: path.join('.'), value: lo.value, range: [lo.value, hi.value], line, column: col, claims });
				return;
			}
			node.items.forEach((item, i) => visit(item as YamlNode, [...path, String(i)], claimIds(item as YamlNode) ?? claims));
		} else if (isScalar(node) && typeof node.value === 'number' && claims?.length) {
			const { line, col } = counter.linePos(node.range?.[0] ?? 0);
			out.push({ path: path.join('.'), value: node.value, line, column: col, claims });
		}
	};
	visit(root, [], undefined);
	return out;
}
