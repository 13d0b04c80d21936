/**
 * Builds the content index once: every page parsed and analysed, every reference, topic,
 * disclaimer and protocol loaded. The checks then only read it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument, LineCounter, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { loadReferences, locate } from '../references/load.ts';
import { summarizePages } from './pages.ts';
import { posix } from './page.ts';
import type { ContentIndex, Finding } from './types.ts';

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

export async function buildIndex(options: LoadOptions): Promise<ContentIndex> {
	const root = options.root;
	const contentDir = options.contentDir ?? join(root, 'content');
	const loadFindings: Finding[] = [];
	const pages = summarizePages(root, contentDir, walk(contentDir, (n) => /\.(mdx|md)$/.test(n) && n !== 'README.md'));
	for (const page of pages) loadFindings.push(...page.findings);

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
