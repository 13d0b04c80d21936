/**
 * The clinical diff: what changed between two versions of the content, in the terms a clinical
 * reviewer checks (statements, numbers, citations, evidence gaps, references, protocol rules,
 * review status, permalinks), not lines of MDX. Pure: it compares two snapshots (snapshot.ts reads
 * them from a folder or a git revision) and returns data; format.ts prints it.
 */

export interface StatementSnapshot {
	id: string;
	/** Whether the id was written by the editor ([#id]) or generated from the text. */
	explicit: boolean;
	kind: string;
	text: string;
	section: string | null;
	sectionTitle: string | null;
	refs: string[];
	gaps: string[];
}

export interface GuidelineSnapshot {
	id: string;
	file: string;
	title: string;
	review: Record<string, unknown>;
	statements: StatementSnapshot[];
	gaps: { id: string; kind?: string; reason?: string }[];
	anchorAliases: Record<string, string>;
}

export interface Snapshot {
	guidelines: Map<string, GuidelineSnapshot>;
	references: Map<string, Record<string, unknown>>;
	/** Protocol files by path relative to content/, parsed YAML. */
	protocols: Map<string, unknown>;
	redirects: Record<string, string>;
}

export interface FieldChange {
	field: string;
	before?: unknown;
	after?: unknown;
}

export interface TextPart {
	/** same: unchanged words; removed / added: what changed. */
	op: 'same' | 'removed' | 'added';
	text: string;
}

export interface StatementChange {
	id: string;
	/** The id before, when a statement without a permanent id was reworded (its generated id moved). */
	previousId?: string;
	section: string | null;
	sectionTitle: string | null;
	before: string;
	after: string;
	/** Word-level comparison, for highlighting. */
	parts: TextPart[];
	numbers: { removed: string[]; added: string[] };
	citations: { added: string[]; removed: string[] };
	gaps: { added: string[]; removed: string[] };
	/** True when only citations or gaps changed, not the wording. */
	textUnchanged: boolean;
}

export interface GuidelineDiff {
	id: string;
	file: string;
	title: string;
	status: 'added' | 'removed' | 'changed';
	titleChange?: { before: string; after: string };
	added: StatementSnapshot[];
	removed: StatementSnapshot[];
	changed: StatementChange[];
	gapsOpened: { id: string; reason?: string }[];
	gapsClosed: { id: string; reason?: string }[];
	gapsChanged: { id: string; changes: FieldChange[] }[];
	review: FieldChange[];
	anchorAliases: FieldChange[];
}

export interface ContentDiff {
	guidelines: GuidelineDiff[];
	references: { added: string[]; removed: string[]; changed: { key: string; changes: FieldChange[] }[] };
	protocols: { file: string; status: 'added' | 'removed' | 'changed'; changes: FieldChange[] }[];
	redirects: FieldChange[];
	/** True when nothing a reviewer must check changed. */
	empty: boolean;
}

/** Numbers as written, ranges and percentages kept whole: "10-14", "30–50%", "0.10", "6". */
const NUMBER = /\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s?%?/g;

export function numbersIn(text: string): string[] {
	return [...text.matchAll(NUMBER)].map((m) => m[0].replace(/\s+/g, ' ').trim());
}

/** What is in `a` and not in `b`, counting repeats (a multiset difference). */
function minus(a: readonly string[], b: readonly string[]): string[] {
	const rest = [...b];
	return a.filter((x) => {
		const i = rest.indexOf(x);
		if (i === -1) return true;
		rest.splice(i, 1);
		return false;
	});
}

/** Word-level longest-common-subsequence comparison. */
export function diffWords(before: string, after: string): TextPart[] {
	const a = before.split(/(\s+)/).filter(Boolean);
	const b = after.split(/(\s+)/).filter(Boolean);
	const n = a.length;
	const m = b.length;
	const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
	const parts: TextPart[] = [];
	const push = (op: TextPart['op'], text: string) => {
		const last = parts.at(-1);
		if (last && last.op === op) last.text += text;
		else parts.push({ op, text });
	};
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[i] === b[j]) {
			push('same', a[i]!);
			i++;
			j++;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
		else push('added', b[j++]!);
	}
	while (i < n) push('removed', a[i++]!);
	while (j < m) push('added', b[j++]!);
	// A run of changes separated only by spaces reads as one phrase replaced by another.
	const merged: TextPart[] = [];
	for (let k = 0; k < parts.length; ) {
		if (parts[k]!.op === 'same') {
			merged.push(parts[k++]!);
			continue;
		}
		let removed = '';
		let added = '';
		while (k < parts.length) {
			const p = parts[k]!;
			const spaceBetweenChanges = p.op === 'same' && /^\s+$/.test(p.text) && parts[k + 1] && parts[k + 1]!.op !== 'same';
			if (p.op === 'removed') removed += p.text;
			else if (p.op === 'added') added += p.text;
			else if (spaceBetweenChanges) {
				removed += p.text;
				added += p.text;
			} else break;
			k++;
		}
		if (removed.trim()) merged.push({ op: 'removed', text: removed.trim() === removed ? removed : removed.trim() });
		if (added.trim()) merged.push({ op: 'added', text: added.trim() === added ? added : added.trim() });
	}
	return merged;
}

/** Similarity of two texts (Dice coefficient over word bigrams), 0..1. */
export function similarity(a: string, b: string): number {
	const grams = (s: string) => {
		const words = s.toLowerCase().split(/\W+/).filter(Boolean);
		const out: string[] = [];
		for (let i = 0; i < words.length - 1; i++) out.push(`${words[i]} ${words[i + 1]}`);
		return out.length ? out : words;
	};
	const x = grams(a);
	const y = grams(b);
	if (!x.length && !y.length) return 1;
	const common = x.length - minus(x, y).length;
	return (2 * common) / (x.length + y.length);
}

function statementChange(before: StatementSnapshot, after: StatementSnapshot): StatementChange | undefined {
	const textUnchanged = before.text === after.text;
	const citations = { added: minus(after.refs, before.refs), removed: minus(before.refs, after.refs) };
	const gaps = { added: minus(after.gaps, before.gaps), removed: minus(before.gaps, after.gaps) };
	if (textUnchanged && !citations.added.length && !citations.removed.length && !gaps.added.length && !gaps.removed.length && before.id === after.id) return undefined;
	const nb = numbersIn(before.text);
	const na = numbersIn(after.text);
	return {
		id: after.id,
		...(before.id !== after.id ? { previousId: before.id } : {}),
		section: after.section,
		sectionTitle: after.sectionTitle,
		before: before.text,
		after: after.text,
		parts: textUnchanged ? [{ op: 'same', text: after.text }] : diffWords(before.text, after.text),
		numbers: { removed: minus(nb, na), added: minus(na, nb) },
		citations,
		gaps,
		textUnchanged,
	};
}

const json = (v: unknown) => JSON.stringify(v);

/** Leaf values of a YAML/JSON value by path; list items with an `id` are named by it. */
export function flatten(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
	if (Array.isArray(value)) {
		const byId = value.every((v) => v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string');
		if (!byId || value.length === 0) {
			if (value.every((v) => v === null || typeof v !== 'object')) out.set(path, value);
			else value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
		} else for (const v of value) flatten(v, `${path}[${(v as { id: string }).id}]`, out);
	} else if (value instanceof Date) out.set(path, value.toISOString().slice(0, 10));
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
	else out.set(path, value);
	return out;
}

/** Field-by-field changes between two values. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
	const a = flatten(before);
	const b = flatten(after);
	const changes: FieldChange[] = [];
	for (const field of new Set([...a.keys(), ...b.keys()])) {
		if (json(a.get(field)) === json(b.get(field))) continue;
		changes.push({ field, ...(a.has(field) ? { before: a.get(field) } : {}), ...(b.has(field) ? { after: b.get(field) } : {}) });
	}
	return changes;
}

export function diffGuideline(before: GuidelineSnapshot | undefined, after: GuidelineSnapshot | undefined): GuidelineDiff | undefined {
	const page = (after ?? before)!;
	const oldStatements = before?.statements ?? [];
	const newStatements = after?.statements ?? [];
	const oldById = new Map(oldStatements.map((s) => [s.id, s]));
	const newById = new Map(newStatements.map((s) => [s.id, s]));
	const changed: StatementChange[] = [];
	for (const s of newStatements) {
		const old = oldById.get(s.id);
		if (!old) continue;
		const c = statementChange(old, s);
		if (c) changed.push(c);
	}
	let removed = oldStatements.filter((s) => !newById.has(s.id));
	let added = newStatements.filter((s) => !oldById.has(s.id));
	// A statement without a permanent id gets its id from its words, so rewording it changes the id:
	// pair such removals and additions when their texts are alike, and show them as one change.
	for (const r of [...removed]) {
		if (r.explicit) continue;
		const best = added
			.filter((a) => !a.explicit && a.kind === r.kind)
			.map((a) => ({ a, score: similarity(r.text, a.text) + (a.section === r.section ? 0.1 : 0) }))
			.sort((x, y) => y.score - x.score)[0];
		if (best && best.score >= 0.5) {
			const c = statementChange(r, best.a);
			if (c) changed.push(c);
			removed = removed.filter((x) => x !== r);
			added = added.filter((x) => x !== best.a);
		}
	}
	const order = new Map(newStatements.map((s, i) => [s.id, i]));
	changed.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));

	const oldGaps = new Map((before?.gaps ?? []).map((g) => [g.id, g]));
	const newGaps = new Map((after?.gaps ?? []).map((g) => [g.id, g]));
	const gapsOpened = [...newGaps.values()].filter((g) => !oldGaps.has(g.id)).map((g) => ({ id: g.id, ...(g.reason ? { reason: g.reason } : {}) }));
	const gapsClosed = [...oldGaps.values()].filter((g) => !newGaps.has(g.id)).map((g) => ({ id: g.id, ...(g.reason ? { reason: g.reason } : {}) }));
	const gapsChanged = [...newGaps.values()].flatMap((g) => {
		const old = oldGaps.get(g.id);
		const changes = old ? fieldChanges(old, g) : [];
		return changes.length ? [{ id: g.id, changes }] : [];
	});
	const review = fieldChanges(before?.review ?? {}, after?.review ?? {}).map((c) => ({ ...c, field: `review.${c.field}` }));
	const anchorAliases = fieldChanges(before?.anchorAliases ?? {}, after?.anchorAliases ?? {});
	const diff: GuidelineDiff = {
		id: page.id,
		file: page.file,
		title: page.title,
		status: !before ? 'added' : !after ? 'removed' : 'changed',
		...(before && after && before.title !== after.title ? { titleChange: { before: before.title, after: after.title } } : {}),
		added,
		removed,
		changed,
		gapsOpened,
		gapsClosed,
		gapsChanged,
		review,
		anchorAliases,
	};
	const nothing = diff.status === 'changed' && !diff.titleChange && !added.length && !removed.length && !changed.length && !gapsOpened.length && !gapsClosed.length && !gapsChanged.length && !review.length && !anchorAliases.length;
	return nothing ? undefined : diff;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): ContentDiff {
	const ids = [...new Set([...before.guidelines.keys(), ...after.guidelines.keys()])].sort();
	const guidelines = ids.flatMap((id) => diffGuideline(before.guidelines.get(id), after.guidelines.get(id)) ?? []);
	const keys = [...new Set([...before.references.keys(), ...after.references.keys()])].sort();
	const references = {
		added: keys.filter((k) => !before.references.has(k)),
		removed: keys.filter((k) => !after.references.has(k)),
		changed: keys.flatMap((key) => {
			const a = before.references.get(key);
			const b = after.references.get(key);
			const changes = a && b ? fieldChanges(a, b) : [];
			return changes.length ? [{ key, changes }] : [];
		}),
	};
	const files = [...new Set([...before.protocols.keys(), ...after.protocols.keys()])].sort();
	const protocols = files.flatMap((file) => {
		const a = before.protocols.get(file);
		const b = after.protocols.get(file);
		const changes = fieldChanges(a ?? {}, b ?? {});
		if (!changes.length) return [];
		return [{ file, status: (a === undefined ? 'added' : b === undefined ? 'removed' : 'changed') as 'added' | 'removed' | 'changed', changes }];
	});
	const redirects = fieldChanges(before.redirects, after.redirects);
	const empty = !guidelines.length && !references.added.length && !references.removed.length && !references.changed.length && !protocols.length && !redirects.length;
	return { guidelines, references, protocols, redirects, empty };
}
