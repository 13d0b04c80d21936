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
import { gapsById } from './evidence-gaps.ts';
import type { Claim, HeadingInfo } from '../claims/analyze.ts';
import type { CiteItem } from '../claims/markers.ts';
import { finding, type Finding } from '../findings/finding.ts';
import { yamlSyntaxProblem } from '../findings/yaml.ts';
import type { ClaimSummary, HeadingSummary, IndexedPage } from './types.ts';

export const posix = (p: string) => p.split(sep).join('/');

const claimSummary = ({ id, explicit, kind, text, section, cites, citeAt, position }: Claim): ClaimSummary => ({ id, explicit, kind, text, section, cites, citeAt, position });
const headingSummary = ({ id, explicit, depth, text, position }: HeadingInfo): HeadingSummary => ({ id, explicit, depth, text, position });

/** Entry id of a content file: its path under content/ without extension (index pages drop "index"). */
export function entryId(contentDir: string, file: string): string {
	return posix(relative(contentDir, file)).replace(/\.(mdx|md)$/, '').replace(/(^|\/)index$/, '$1').replace(/\/$/, '');
}

/**
 * Positions of the bottom line's citations in the file. Its Markdown was parsed from the YAML
 * value, whose offsets differ from the file's (quoting, folding), so each marker is found again in
 * the YAML source after the value's start, in order.
 */
function locateInSource(source: { text: string; start: number; at: (offset: number) => { line: number; column: number } }, cites: CiteItem[]): { line: number; column: number }[] {
	let from = source.start;
	return cites.map((cite) => {
		const name = cite.type === 'ref' ? `@${cite.key}` : `!${cite.id}`;
		// Keys and ids are lower-case words and hyphens: nothing to escape.
		const re = new RegExp(`(\\[\\s*)?${name}(?![a-z0-9-])`, 'g');
		re.lastIndex = from;
		const m = re.exec(source.text);
		if (!m) return source.at(source.start);
		from = m.index + m[0].length;
		return source.at(m.index);
	});
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
		return { id: entryId(contentDir, file), file: rel, type: 'unknown', frontmatter: {}, lines: {}, columns: {}, headings: [], claims: [], problems: [], gaps: [], findings, readError: 'mdx' };
	}
	// The closed language: anything that is code, or markup outside the allowlist, is a finding.
	for (const p of languageProblems(tree)) findings.push(finding(p.rule, rel, p.line, p.column, p.message));
	const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
	const frontmatter: Record<string, unknown> = {};
	const lines: Record<string, number> = {};
	const columns: Record<string, number> = {};
	let readError: IndexedPage['readError'];
	/** Where the bottom line's text starts in the file, and its source there (to locate its markers). */
	let bottomLineSource: { text: string; start: number; at: (offset: number) => { line: number; column: number } } | undefined;
	if (yamlNode) {
		const counter = new LineCounter();
		const doc = parseDocument(yamlNode.value, { lineCounter: counter });
		// YAML line 1 is the line after the opening "---".
		const offset = yamlNode.position?.start.line ?? 1;
		// One root error: the first, with how to fix it. The page's fields are then unknown, so no check
		// that depends on them runs (readError).
		const syntax = yamlSyntaxProblem(doc, counter);
		if (syntax) {
			findings.push(finding('frontmatter-invalid', rel, syntax.line + offset, syntax.column, `YAML syntax error in the frontmatter: ${syntax.message}`, { field: '(yaml)' }));
			readError = 'yaml';
		}
		const value = doc.errors.length ? {} : (doc.toJS() as unknown);
		if (value && typeof value === 'object') Object.assign(frontmatter, value);
		const record = (path: (string | number)[]) => {
			const at = locate(doc, counter, path);
			lines[path.join('.')] = at.line + offset;
			columns[path.join('.')] = at.column;
		};
		const bottom = doc.get('bottomLine', true);
		if (isScalar(bottom) && typeof bottom.value === 'string' && bottom.range) {
			bottomLineSource = {
				text: yamlNode.value,
				start: bottom.range[0],
				at: (o) => {
					const { line, col } = counter.linePos(o);
					return { line: line + offset, column: col };
				},
			};
		}
		// Every key and list item, at any depth, so a finding points at the field itself.
		const walkYaml = (node: unknown, path: (string | number)[], depth: number) => {
			if (depth > 8) return;
			if (isMap(node)) {
				for (const pair of node.items) {
					if (!isScalar(pair.key)) continue;
					const sub = [...path, String(pair.key.value)];
					record(sub);
					walkYaml(pair.value, sub, depth + 1);
				}
			} else if (isSeq(node)) {
				node.items.forEach((item, i) => {
					record([...path, i]);
					walkYaml(item, [...path, i], depth + 1);
				});
			}
		};
		if (!doc.errors.length) walkYaml(doc.contents, [], 0);
	}
	// The bottom line is Markdown from the frontmatter: the same closed language, reported at its line.
	if (typeof frontmatter.bottomLine === 'string') {
		for (const p of languageProblems(parseMarkdown(frontmatter.bottomLine))) {
			const { line, column } = bottomLineSource ? bottomLineSource.at(bottomLineSource.start) : { line: lines.bottomLine ?? 1, column: 1 };
			findings.push(finding(p.rule, rel, line, column, `bottomLine: ${p.message}`, { field: 'bottomLine' }));
		}
	}
	if (frontmatter.type === 'guideline') {
		for (const p of guidelineBodyProblems(tree)) findings.push(finding(p.rule, rel, p.line, p.column, p.message));
	}
	const type = frontmatter.type === 'guideline' ? 'guideline' : frontmatter.type === 'page' ? 'page' : 'unknown';
	const analysis = analyzePage(tree, frontmatter);
	const claims = analysis.claims.map(claimSummary);
	// Problems in the bottom line were located in its own text: place them in the file.
	const problems = analysis.problems.map((p) => {
		if (!p.inBottomLine) return p;
		const found = bottomLineSource ? bottomLineSource.text.indexOf(p.raw, bottomLineSource.start) : -1;
		const position = bottomLineSource ? bottomLineSource.at(found === -1 ? bottomLineSource.start : found) : { line: lines.bottomLine ?? 1, column: 1 };
		return { ...p, position };
	});
	// The bottom line lives in the frontmatter: report it at its line.
	if (analysis.bottomLine) {
		const summary = claimSummary(analysis.bottomLine);
		claims.unshift({ ...summary, position: bottomLineSource ? bottomLineSource.at(bottomLineSource.start) : { line: lines.bottomLine ?? 1, column: 1 }, citeAt: bottomLineSource ? locateInSource(bottomLineSource, summary.cites) : summary.cites.map(() => ({ line: lines.bottomLine ?? 1, column: 1 })) });
	}
	return {
		id: entryId(contentDir, file),
		file: rel,
		type,
		frontmatter,
		lines,
		columns,
		islands: islandsIn(tree),
		...(readError ? { readError } : {}),
		headings: analysis.headings.map(headingSummary),
		claims,
		problems,
		gaps: gapsById(frontmatter),
		findings,
	};
}

/** Every `<Islands protocol="…">` on the page, with the protocol it names and where (the check verifies the protocol exists). */
function islandsIn(tree: Root): { protocol: string; line: number; column: number }[] {
	const out: { protocol: string; line: number; column: number }[] = [];
	const visit = (node: { type: string; name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[]; children?: unknown[]; position?: { start: { line: number; column: number } } }) => {
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Islands') {
			const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'protocol');
			// A missing or computed prop is the closed language's finding (mdx-prop-forbidden).
			if (attr && typeof attr.value === 'string') out.push({ protocol: attr.value, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
		}
		for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
	};
	visit(tree as unknown as Parameters<typeof visit>[0]);
	return out;
}
