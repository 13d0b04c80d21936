/**
 * Reads one page into the plain data the checks need: frontmatter with line numbers, headings,
 * claims and marker problems. Pure apart from reading the file; safe to cache by content.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { parseDocument, LineCounter, isMap, isSeq, isScalar } from 'yaml';
import type { Root, Yaml } from 'mdast';
import { parseMarkdown, parsePage } from './parse.ts';
import { guidelineBodyProblems, languageProblems } from './language.ts';
import { analyzePage } from '../claims/page.ts';
import { locate } from '../references/load.ts';
import { EvidenceGapSchema, type EvidenceGap } from '../../schemas/evidence-gap.ts';
import type { Claim, HeadingInfo } from '../claims/analyze.ts';
import { finding, type Finding } from '../findings/finding.ts';
import type { ClaimSummary, HeadingSummary, IndexedPage } from './types.ts';

export const posix = (p: string) => p.split(sep).join('/');

const claimSummary = ({ id, explicit, kind, text, section, cites, position }: Claim): ClaimSummary => ({ id, explicit, kind, text, section, cites, position });
const headingSummary = ({ id, explicit, depth, text, position }: HeadingInfo): HeadingSummary => ({ id, explicit, depth, text, position });

/** Entry id of a content file: its path under content/ without extension (index pages drop "index"). */
export function entryId(contentDir: string, file: string): string {
	return posix(relative(contentDir, file)).replace(/\.(mdx|md)$/, '').replace(/(^|\/)index$/, '$1').replace(/\/$/, '');
}

export function summarizePage(root: string, contentDir: string, file: string, text = readFileSync(file, 'utf8')): IndexedPage {
	const rel = posix(relative(root, file));
	const findings: Finding[] = [];
	let tree: Root;
	try {
		tree = parsePage(text, file);
	} catch (error) {
		// Invalid MDX: reported at its place, so the editor sees one located finding, not a stack trace.
		// Sätteri reports "line:column: reason (rule-id)".
		const text = (error as Error).message ?? String(error);
		const [, at, col, reasonText] = /^(\d+):(\d+): (.*?)(?: \([\w:-]+\))?$/m.exec(text) ?? [];
		const line = Number(at ?? 1);
		const column = Number(col ?? 1);
		const reason = reasonText ?? text.split('\n')[0];
		findings.push(finding('mdx-invalid', rel, line, column, `This page is not valid MDX, so it cannot be built: ${reason}`));
		return { id: entryId(contentDir, file), file: rel, type: 'unknown', frontmatter: {}, lines: {}, headings: [], claims: [], problems: [], gaps: [], findings };
	}
	// The closed language: anything that is code, or markup outside the allowlist, is a finding.
	for (const p of languageProblems(tree)) findings.push(finding(p.rule, rel, p.line, p.column, p.message));
	const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
	const frontmatter: Record<string, unknown> = {};
	const lines: Record<string, number> = {};
	if (yamlNode) {
		const counter = new LineCounter();
		const doc = parseDocument(yamlNode.value, { lineCounter: counter });
		// YAML line 1 is the line after the opening "---".
		const offset = yamlNode.position?.start.line ?? 1;
		for (const err of doc.errors) {
			const { line, col } = counter.linePos(err.pos[0]);
			findings.push(finding('frontmatter-invalid', rel, line + offset, col, `YAML syntax error in the frontmatter: ${err.message.split('\n')[0]}`));
		}
		const value = doc.errors.length ? {} : (doc.toJS() as unknown);
		if (value && typeof value === 'object') Object.assign(frontmatter, value);
		const record = (path: (string | number)[]) => {
			lines[path.join('.')] = locate(doc, counter, path).line + offset;
		};
		if (isMap(doc.contents)) {
			for (const pair of doc.contents.items) {
				if (!isScalar(pair.key)) continue;
				const key = String(pair.key.value);
				record([key]);
				if (isSeq(pair.value)) pair.value.items.forEach((_, i) => record([key, i]));
				if (isMap(pair.value)) for (const sub of pair.value.items) if (isScalar(sub.key)) record([key, String(sub.key.value)]);
			}
			const gaps = doc.get('evidenceGaps', true);
			if (isSeq(gaps)) {
				gaps.items.forEach((item, i) => {
					if (isMap(item)) for (const sub of item.items) if (isScalar(sub.key)) record(['evidenceGaps', i, String(sub.key.value)]);
				});
			}
		}
	}
	// The bottom line is Markdown from the frontmatter: the same closed language, reported at its line.
	if (typeof frontmatter.bottomLine === 'string') {
		for (const p of languageProblems(parseMarkdown(frontmatter.bottomLine))) {
			findings.push(finding(p.rule, rel, lines.bottomLine ?? 1, 1, `bottomLine: ${p.message}`, { field: 'bottomLine' }));
		}
	}
	if (frontmatter.type === 'guideline') {
		for (const p of guidelineBodyProblems(tree)) findings.push({ rule: p.rule, severity: 'error', file: rel, line: p.line, column: p.column, message: p.message });
	}
	const type = frontmatter.type === 'guideline' ? 'guideline' : frontmatter.type === 'page' ? 'page' : 'unknown';
	const analysis = analyzePage(tree, frontmatter);
	const claims = analysis.claims.map(claimSummary);
	// The bottom line lives in the frontmatter: report it at its line.
	if (analysis.bottomLine) claims.unshift({ ...claimSummary(analysis.bottomLine), position: { line: lines.bottomLine ?? 1, column: 1 } });
	const gaps: EvidenceGap[] = [];
	for (const raw of Array.isArray(frontmatter.evidenceGaps) ? frontmatter.evidenceGaps : []) {
		const parsed = EvidenceGapSchema.safeParse(raw);
		if (parsed.success) gaps.push(parsed.data);
		else if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string') gaps.push(raw as EvidenceGap);
	}
	return {
		id: entryId(contentDir, file),
		file: rel,
		type,
		frontmatter,
		lines,
		headings: analysis.headings.map(headingSummary),
		claims,
		problems: analysis.problems,
		gaps,
		findings,
	};
}
