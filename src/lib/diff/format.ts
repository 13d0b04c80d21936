/**
 * The clinical diff as Markdown (terminal, pull-request summaries via $GITHUB_STEP_SUMMARY) and
 * as JSON (tools). Changed words are shown struck through (~~old~~) and in bold (**new**).
 */
import type { ContentDiff, FieldChange, GuidelineDiff, StatementChange, StatementSnapshot, TextPart } from './engine.ts';

/** Escapes text so Markdown shows it as written (claims may contain *, _, <, |, [ …). */
export function md(text: string): string {
	return text.replace(/[\\`*_{}[\]<>|~#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
}

const value = (v: unknown) => (v === undefined ? '—' : `\`${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/`/g, "'")}\``);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const keys = (list: string[], sigil: string) => list.map((k) => `\`[${sigil}${k}]\``).join(', ');

/** The statement with changed words marked: ~~removed~~ **added**. */
export function highlighted(parts: TextPart[]): string {
	return parts
		.map((p, i) => {
			const gap = p.op === 'added' && parts[i - 1]?.op === 'removed' ? ' ' : '';
			const text = md(p.text);
			if (!text) return p.text.length ? ' ' : '';
			const pad = (s: string) => `${/^\s/.test(p.text) ? ' ' : ''}${s}${/\s$/.test(p.text) ? ' ' : ''}`;
			return gap + (p.op === 'same' ? pad(text) : pad(p.op === 'removed' ? `~~${text}~~` : `**${text}**`));
		})
		.join('')
		.replace(/\s+/g, ' ')
		.trim();
}

function where(s: { id: string; sectionTitle: string | null }): string {
	return `\`#${s.id}\`${s.sectionTitle ? ` in *${md(s.sectionTitle)}*` : ''}`;
}

function statementLines(s: StatementSnapshot): string[] {
	const cites = [...(s.refs.length ? [keys(s.refs, '@')] : []), ...(s.gaps.length ? [keys(s.gaps, '!')] : [])].join(', ');
	return [`- ${where(s)}: ${md(s.text)}${cites ? ` — cites ${cites}` : ' — **cites nothing**'}`];
}

function changeLines(c: StatementChange): string[] {
	const out = [`- ${where(c)}${c.previousId ? ` (was \`#${c.previousId}\`)` : ''}`];
	if (!c.textUnchanged) {
		out.push(`  - Before: ${md(c.before)}`, `  - After: ${md(c.after)}`, `  - Changed: ${highlighted(c.parts)}`);
		if (c.numbers.removed.length || c.numbers.added.length) {
			out.push(`  - **Numbers changed:** ${c.numbers.removed.map((n) => `~~${md(n)}~~`).join(', ') || '(none)'} → ${c.numbers.added.map((n) => `**${md(n)}**`).join(', ') || '(none)'}`);
		}
	} else out.push(`  - Text unchanged: ${md(c.after)}`);
	if (c.citations.added.length) out.push(`  - Citations added: ${keys(c.citations.added, '@')}`);
	if (c.citations.removed.length) out.push(`  - Citations removed: ${keys(c.citations.removed, '@')}`);
	if (c.gaps.added.length) out.push(`  - Evidence gaps now cited: ${keys(c.gaps.added, '!')}`);
	if (c.gaps.removed.length) out.push(`  - Evidence gaps no longer cited: ${keys(c.gaps.removed, '!')}`);
	return out;
}

function fieldLines(changes: FieldChange[], indent = ''): string[] {
	return changes.map((c) => `${indent}- \`${c.field}\`: ${c.before === undefined ? `added ${value(c.after)}` : c.after === undefined ? `removed (was ${value(c.before)})` : `${value(c.before)} → ${value(c.after)}`}`);
}

function guidelineSection(g: GuidelineDiff): string[] {
	const head = `### ${md(g.title)}`;
	const out = [head, '', `\`${g.file}\` — ${g.status === 'added' ? 'new guideline' : g.status === 'removed' ? '**guideline removed**' : 'changed'}`, ''];
	if (g.titleChange) out.push(`**Title:** ${md(g.titleChange.before)} → ${md(g.titleChange.after)}`, '');
	if (g.status === 'added') {
		out.push(`**${plural(g.added.length, 'statement')}**`, '', ...g.added.flatMap(statementLines), '');
	} else {
		if (g.changed.length) out.push(`**Statements changed (${g.changed.length})**`, '', ...g.changed.flatMap(changeLines), '');
		if (g.added.length) out.push(`**Statements added (${g.added.length})**`, '', ...g.added.flatMap(statementLines), '');
		if (g.removed.length) out.push(`**Statements removed (${g.removed.length})**`, '', ...g.removed.flatMap(statementLines), '');
	}
	if (g.gapsOpened.length) out.push(`**Evidence gaps opened (${g.gapsOpened.length})**`, '', ...g.gapsOpened.map((x) => `- \`${x.id}\`${x.reason ? `: ${md(x.reason)}` : ''}`), '');
	if (g.gapsClosed.length) out.push(`**Evidence gaps closed (${g.gapsClosed.length})**`, '', ...g.gapsClosed.map((x) => `- \`${x.id}\`${x.reason ? ` (was: ${md(x.reason)})` : ''}`), '');
	if (g.gapsChanged.length) out.push(`**Evidence gaps changed**`, '', ...g.gapsChanged.flatMap((x) => [`- \`${x.id}\``, ...fieldLines(x.changes, '  ')]), '');
	if (g.review.length) out.push('**Review status**', '', ...fieldLines(g.review), '');
	if (g.anchorAliases.length) out.push('**Permalinks moved (anchor aliases)**', '', ...g.anchorAliases.map((c) => `- \`#${c.field}\` ${c.after === undefined ? 'alias removed' : `now lands on \`#${String(c.after)}\``}`), '');
	return out;
}

export function formatMarkdown(diff: ContentDiff, label: string): string {
	const out = [`## Clinical changes since \`${label}\``, ''];
	if (diff.empty) return [...out, 'No clinical content changed (statements, citations, evidence gaps, references, protocol rules, review status and permalinks are the same).', ''].join('\n');
	const counts = [
		diff.guidelines.length && plural(diff.guidelines.length, 'guideline'),
		diff.references.added.length + diff.references.removed.length + diff.references.changed.length && plural(diff.references.added.length + diff.references.removed.length + diff.references.changed.length, 'reference'),
		diff.protocols.length && plural(diff.protocols.length, 'protocol'),
		diff.redirects.length && plural(diff.redirects.length, 'redirect'),
	].filter(Boolean);
	out.push(`Changed: ${counts.join(', ')}. Struck-through words were removed, **bold** words added.`, '');
	for (const g of diff.guidelines) out.push(...guidelineSection(g));
	const r = diff.references;
	if (r.added.length || r.removed.length || r.changed.length) {
		out.push('### References', '');
		for (const k of r.added) out.push(`- added \`${k}\``);
		for (const k of r.removed) out.push(`- **removed** \`${k}\``);
		for (const c of r.changed) out.push(`- changed \`${c.key}\``, ...fieldLines(c.changes, '  '));
		out.push('');
	}
	if (diff.protocols.length) {
		out.push('### Protocol rules (what the calculators compute from)', '');
		for (const p of diff.protocols) out.push(`- \`${p.file}\`${p.status === 'changed' ? '' : ` (${p.status})`}`, ...fieldLines(p.changes, '  '));
		out.push('');
	}
	if (diff.redirects.length) {
		out.push('### Permalinks moved (redirects)', '');
		out.push(...diff.redirects.map((c) => `- \`${c.field}\` ${c.after === undefined ? 'redirect removed' : `→ \`${String(c.after)}\``}`), '');
	}
	return out.join('\n');
}

export function formatJson(diff: ContentDiff, label: string): string {
	return JSON.stringify({ since: label, ...diff }, null, 2);
}
