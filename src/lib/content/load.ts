/**
 * Builds the content index once: every page parsed and analysed, every reference, topic,
 * disclaimer and protocol loaded. The checks then only read it.
 */
import { editorErrorMap } from '../zod-messages.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { loadReferences, locate, parseYamlWith, type LoadProblem } from '../references/load.ts';
import { DisclaimerSchema } from '../../schemas/disclaimer.ts';
import { ProtocolSchema } from '../../schemas/protocol.ts';
import { SettingsSchema, type Settings } from '../../schemas/settings.ts';
import { VocabularySchema } from '../../schemas/vocabulary.ts';
import { TopicSchema } from '../../schemas/topic.ts';
import { summarizePages } from './pages.ts';
import { protocolRuleNumbers } from './numbers.ts';
import { posix } from './page.ts';
import { finding, type Finding } from '../findings/finding.ts';
import { FileCache } from './file-cache.ts';
import type { ContentIndex } from './types.ts';

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

/** Validates a YAML data file against its schema; problems become `data-invalid` findings. */
function loadData<T>(root: string, file: string, schema: z.ZodType<T>, findings: Finding[], text = readFileSync(file, 'utf8')): ReturnType<typeof parseYamlWith<T>> {
	const parsed = parseYamlWith(text, file, (value) => schema.safeParse(value, { error: editorErrorMap(schema) }));
	findings.push(...parsed.problems.map((p: LoadProblem) => dataFinding(root, p)));
	return parsed;
}

function dataFinding(root: string, p: LoadProblem): Finding {
	return finding('data-invalid', posix(relative(root, p.file)), p.line, p.column, problemMessage(p), p.field === '(yaml)' ? undefined : { field: p.field });
}

/** A load problem's message, prefixed with the field it is about (none for the file as a whole). */
function problemMessage(p: LoadProblem): string {
	if (p.field === '(yaml)' || p.field === '(root)') return `${p.message.charAt(0).toUpperCase()}${p.message.slice(1)}`;
	return `${p.field}: ${p.message}`;
}

type Protocol = ContentIndex['protocols'][number];
/** What a protocol file gives the index: its rules' claims and numbers (none when unreadable), and its problems. */
interface LoadedProtocol {
	protocol?: Protocol;
	findings: Finding[];
}

function loadProtocol(root: string, file: string, text: string): LoadedProtocol {
	const findings: Finding[] = [];
	const { doc, counter } = loadData(root, file, ProtocolSchema, findings, text);
	// A file with a YAML syntax error is reported once (data-invalid); what the parser half-read is not checked.
	if (doc.errors.length > 0) return { findings };
	const claims: { id: string; line: number; column: number }[] = [];
	protocolClaims(doc.contents as YamlNode, counter, claims);
	const guideline = doc.get('guideline');
	return { protocol: { file: posix(relative(root, file)), ...(typeof guideline === 'string' ? { guideline } : {}), guidelineLine: locate(doc, counter, ['guideline']).line, claims, numbers: protocolRuleNumbers(doc.contents as YamlNode, counter) }, findings };
}

export interface LoadOptions {
	/** Project root (paths in findings are relative to it). */
	root: string;
	/** The content folder, default <root>/content. */
	contentDir?: string;
	/** The moment date rules are judged against (default: now). Tests inject it so they do not rot. */
	now?: Date;
}

/** The content files that are pages (Markdown and MDX, READMEs aside), sorted. */
export function pageFiles(contentDir: string): string[] {
	return walk(contentDir, (n) => /\.(mdx|md)$/.test(n) && n !== 'README.md');
}

export async function buildIndex(options: LoadOptions): Promise<ContentIndex> {
	const contentDir = options.contentDir ?? join(options.root, 'content');
	const pages = summarizePages(options.root, contentDir, pageFiles(contentDir));
	const { referenceHashes: _, ...data } = loadSiteData(options);
	return { ...data, pages, loadFindings: [...pages.flatMap((page) => page.findings), ...data.loadFindings] };
}

/** Everything of the index but its pages: references, topics, disclaimers, settings, protocols. */
export type SiteData = Omit<ContentIndex, 'pages'> & {
	/** Each reference file's text hash by citation key (when the persistent cache knows it). */
	referenceHashes: Map<string, string>;
};

export function loadSiteData(options: LoadOptions): SiteData {
	const root = options.root;
	const contentDir = options.contentDir ?? join(root, 'content');
	const loadFindings: Finding[] = [];
	const { refs, problems, hashes } = loadReferences(join(contentDir, 'references'), root);
	for (const p of problems) {
		loadFindings.push(finding('reference-invalid', posix(relative(root, p.file)), p.line, p.column, problemMessage(p), p.field === '(yaml)' ? undefined : { field: p.field }));
	}

	const topics = new Set<string>();
	const topicsFile = join(contentDir, 'topics.yaml');
	if (existsSync(topicsFile)) {
		const { data, doc } = loadData(root, topicsFile, z.array(TopicSchema), loadFindings);
		// An invalid topics.yaml is reported once (data-invalid); its ids still count, so pages are not
		// also reported as naming unknown topics.
		const entries: unknown = data ?? doc.toJS();
		if (Array.isArray(entries)) for (const t of entries) if (typeof t?.id === 'string') topics.add(t.id);
	}
	const disclaimerFiles = walk(join(contentDir, 'disclaimers'), (n) => /\.ya?ml$/.test(n));
	for (const file of disclaimerFiles) loadData(root, file, DisclaimerSchema, loadFindings);
	const disclaimers = new Set(disclaimerFiles.map((f) => posix(relative(join(contentDir, 'disclaimers'), f)).replace(/\.ya?ml$/, '')));
	const settingsFile = join(contentDir, 'settings.yaml');
	const settings: Settings = (existsSync(settingsFile) ? loadData(root, settingsFile, SettingsSchema, loadFindings).data : undefined) ?? SettingsSchema.parse({});

	// The search vocabulary is read by the build; checked here too, so an editor hears of a mistake
	// from `npm run check`, not from a failed build.
	const vocabularyFile = join(contentDir, 'search-vocabulary.yaml');
	if (existsSync(vocabularyFile)) loadData(root, vocabularyFile, VocabularySchema, loadFindings);

	// Each protocol read once and kept in the persistent cache (file-cache.ts): the check and every
	// shard of a sharded build load the site data, and protocols are its largest YAML files.
	const protocolDir = join(contentDir, 'protocols');
	const protocolFiles = walk(protocolDir, (n) => /\.ya?ml$/.test(n));
	const protocolCache = new FileCache<LoadedProtocol>(root, 'protocols', `${root}\0${protocolDir}`);
	const protocols = protocolFiles.flatMap((file) => {
		const { protocol, findings } = protocolCache.get(file, (text) => loadProtocol(root, file, text));
		loadFindings.push(...findings);
		return protocol ? [protocol] : [];
	});
	protocolCache.retain(protocolFiles);
	protocolCache.save();

	const referenceFiles = new Set(walk(join(contentDir, 'references'), (n) => /\.ya?ml$/.test(n)).map((f) => basename(f).replace(/\.ya?ml$/, '')));
	return { root, contentDir, references: refs, referenceHashes: hashes, referenceFiles, topics, disclaimers, protocols, settings, loadFindings, now: options.now ?? new Date() };
}
