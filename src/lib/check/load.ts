/**
 * Builds the content index once: every page parsed and analysed, every reference, topic,
 * disclaimer and protocol loaded. The checks then only read it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parseDocument, LineCounter, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import type { Yaml } from 'mdast';
import { parsePage } from './parse.ts';
import { analyzePage } from '../claims/page.ts';
import { loadReferences, locate } from '../references/load.ts';
import { EvidenceGapSchema, type EvidenceGap } from '../../schemas/evidence-gap.ts';
import type { ContentIndex, Finding, IndexedPage } from './types.ts';

function walk(dir: string, accept: (name: string) => boolean): string[] {
	if (!existsSync(dir)) return [];
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...walk(path, accept));
		else if (accept(entry.name)) out.push(path);
	}
	return out.sort();
}

const posix = (p: string) => p.split(sep).join('/');

export function loadPage(root: string, contentDir: string, file: string, findings: Finding[]): IndexedPage {
	const text = readFileSync(file, 'utf8');
	const rel = posix(relative(root, file));
	const tree = parsePage(text, file);
	const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
	const frontmatter: Record<string, unknown> = {};
	const lines = new Map<string, number>();
	if (yamlNode) {
		const counter = new LineCounter();
		const doc = parseDocument(yamlNode.value, { lineCounter: counter });
		const offset = (yamlNode.position?.start.line ?? 1) + 0; // the --- line; YAML line 1 is the next line
		for (const err of doc.errors) {
			const { line, col } = counter.linePos(err.pos[0]);
			findings.push({ rule: 'frontmatter-invalid', severity: 'error', file: rel, line: line + offset, column: col, message: `YAML syntax error in the frontmatter: ${err.message.split('\n')[0]}` });
		}
		const value = doc.errors.length ? {} : (doc.toJS() as unknown);
		if (value && typeof value === 'object') Object.assign(frontmatter, value);
		const record = (path: (string | number)[]) => lines.set(path.join('.'), locate(doc, counter, path).line + offset);
		if (isMap(doc.contents)) {
			for (const pair of doc.contents.items) {
				if (!isScalar(pair.key)) continue;
				const key = String(pair.key.value);
				record([key]);
				if (isSeq(pair.value)) pair.value.items.forEach((_, i) => record([key, i]));
				if (isMap(pair.value)) for (const sub of pair.value.items) if (isScalar(sub.key)) record([key, String(sub.key.value)]);
			}
			const gaps = doc.get('evidenceGaps', true);
			if (isSeq(gaps)) gaps.items.forEach((item, i) => {
				if (isMap(item)) for (const sub of item.items) if (isScalar(sub.key)) record(['evidenceGaps', i, String(sub.key.value)]);
			});
		}
		lines.set('@offset', offset);
	}
	const type = frontmatter.type === 'guideline' ? 'guideline' : frontmatter.type === 'page' ? 'page' : 'unknown';
	const analysis = analyzePage(tree, frontmatter);
	// The bottom line lives in the frontmatter: report its findings at its line.
	if (analysis.bottomLine) analysis.bottomLine.position = { line: lines.get('bottomLine') ?? 1, column: 1 };
	const gaps: EvidenceGap[] = [];
	for (const raw of Array.isArray(frontmatter.evidenceGaps) ? frontmatter.evidenceGaps : []) {
		const parsed = EvidenceGapSchema.safeParse(raw);
		if (parsed.success) gaps.push(parsed.data);
		else if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string') gaps.push(raw as EvidenceGap);
	}
	const id = posix(relative(contentDir, file)).replace(/\.(mdx|md)$/, '').replace(/(^|\/)index$/, '$1').replace(/\/$/, '');
	return { id, file: rel, type, frontmatter, lines, tree, analysis, gaps };
}

/** Walks a protocol YAML document for `claims: [ids]` and `claim: id` keys. */
function protocolClaims(node: YamlNode | null | undefined, counter: LineCounter, out: { id: string; line: number; column: number }[]): void {
	if (isMap(node)) {
		for (const pair of node.items) {
			const key = isScalar(pair.key) ? pair.key.value : undefined;
			const value = pair.value as YamlNode | null;
			const push = (n: YamlNode | null) => {
				if (isScalar(n) && typeof n.value === 'string') {
					const { line, col } = counter.linePos(n.range?.[0] ?? 0);
					out.push({ id: n.value, line, column: col });
				}
			};
			if (key === 'claims' && isSeq(value)) value.items.forEach((n) => push(n as YamlNode));
			else if (key === 'claim') push(value);
			else protocolClaims(value, counter, out);
		}
	} else if (isSeq(node)) {
		for (const item of node.items) protocolClaims(item as YamlNode, counter, out);
	}
}

export interface LoadOptions {
	/** Project root (paths in findings are relative to it). */
	root: string;
	/** The content folder, default <root>/content. */
	contentDir?: string;
}

export function buildIndex(options: LoadOptions): ContentIndex {
	const root = options.root;
	const contentDir = options.contentDir ?? join(root, 'content');
	const loadFindings: Finding[] = [];
	const pages = walk(contentDir, (n) => /\.(mdx|md)$/.test(n) && n !== 'README.md').map((file) => loadPage(root, contentDir, file, loadFindings));

	const { refs, problems } = loadReferences(join(contentDir, 'references'));
	for (const p of problems) {
		loadFindings.push({ rule: 'reference-invalid', severity: 'error', file: posix(relative(root, p.file)), line: p.line, column: p.column, message: p.field === '(yaml)' ? p.message : `${p.field}: ${p.message}` });
	}

	const topics = new Set<string>();
	const topicsFile = join(contentDir, 'topics.yaml');
	if (existsSync(topicsFile)) {
		const list = parseDocument(readFileSync(topicsFile, 'utf8')).toJS() as unknown;
		if (Array.isArray(list)) for (const t of list) if (t && typeof t.id === 'string') topics.add(t.id);
	}
	const disclaimers = new Set(walk(join(contentDir, 'disclaimers'), (n) => /\.ya?ml$/.test(n)).map((f) => posix(relative(join(contentDir, 'disclaimers'), f)).replace(/\.ya?ml$/, '')));

	const protocols = walk(join(contentDir, 'protocols'), (n) => /\.ya?ml$/.test(n)).map((file) => {
		const counter = new LineCounter();
		const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter });
		const claims: { id: string; line: number; column: number }[] = [];
		protocolClaims(doc.contents as YamlNode, counter, claims);
		const guideline = doc.get('guideline');
		return { file: posix(relative(root, file)), ...(typeof guideline === 'string' ? { guideline } : {}), guidelineLine: locate(doc, counter, ['guideline']).line, claims };
	});

	const referenceFiles = new Set(walk(join(contentDir, 'references'), (n) => /\.ya?ml$/.test(n)).map((f) => basename(f).replace(/\.ya?ml$/, '')));
	return { root, contentDir, pages, references: refs, referenceFiles, topics, disclaimers, protocols, loadFindings };
}
