/**
 * Generates a synthetic content/ tree shaped like the real one, for benchmarks: guidelines spread
 * over topics (one folder each), sections with bullet claims citing references, a callout, a
 * table, an evidence gap, a bottom line, CSL-YAML references and a protocol file. Deterministic
 * for a given size. The text is filler, never clinical advice.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { summarizePage } from '../../src/lib/content/page.ts';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';

export interface CorpusOptions {
	/** Folder to write the content tree into (emptied first). */
	dir: string;
	/** Number of guideline pages. */
	guidelines: number;
	/** Claims per guideline page (bottom line included). */
	claimsPerGuideline: number;
	/** Number of reference files. */
	references: number;
	/** Number of topics (sidebar groups). Default: one per 50 guidelines, at least 1. */
	topics?: number;
	/**
	 * Every n-th guideline carries the calculators (a protocol file and `<Islands>`), as protocol
	 * guidelines do; 0 for none. Default 10. Needs `repoRoot`, to import the islands component.
	 */
	islandsEvery?: number;
	/** The repository, whose src/components/islands/Islands.astro and real protocol the corpus uses. */
	repoRoot?: string;
}

export interface CorpusStats {
	guidelines: number;
	/** Guidelines that carry the calculators. */
	withIslands: number;
	claims: number;
	citations: number;
	references: number;
	topics: number;
}

/** A small deterministic PRNG (mulberry32), so every run generates the same corpus. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = 'assess gait load tendon bone stress walking interval surface cadence strength hip knee ankle calf rest progression symptom tenderness imaging training distance pace recovery week session plan review'.split(' ');

/**
 * The real return-to-running protocol, pointed at a generated guideline, and the statements it
 * cites, copied from the real guideline with their ids: the claim check requires every number of a
 * rule to be stated by a statement the rule cites, so the generated page carries those statements.
 */
function protocolFor(repoRoot: string, guidelineId: string): { yaml: string; statements: { id: string; text: string }[] } {
	const content = join(repoRoot, 'content');
	const doc = parseDocument(readFileSync(join(content, 'protocols', 'return-to-running.yaml'), 'utf8'));
	const cited = new Set<string>();
	const visit = (node: YamlNode | null | undefined): void => {
		if (isMap(node)) {
			for (const pair of node.items) {
				const key = (pair.key as { value?: unknown } | null)?.value;
				if (key === 'claims' && isSeq(pair.value)) for (const item of pair.value.items) cited.add(String((item as { value?: unknown }).value));
				else if (key === 'claim') cited.add(String((pair.value as { value?: unknown }).value));
				else visit(pair.value as YamlNode);
			}
		} else if (isSeq(node)) node.items.forEach((item) => visit(item as YamlNode));
	};
	visit(doc.contents as YamlNode);
	const source = String(doc.get('guideline'));
	const file = ['mdx', 'md'].map((ext) => join(content, `${source}.${ext}`)).find((f) => existsSync(f))!;
	const statements = summarizePage(repoRoot, content, file)
		.claims.filter((c) => cited.has(c.id) && c.kind !== 'heading' && c.kind !== 'bottom-line')
		.map((c) => ({ id: c.id, text: c.text.replace(/[[\]{}<>]/g, '') }));
	doc.set('guideline', guidelineId);
	return { yaml: `# Generated for benchmarks from content/protocols/return-to-running.yaml.\n${doc.toString()}`, statements };
}

export function generateCorpus(options: CorpusOptions): CorpusStats {
	const { dir, guidelines, claimsPerGuideline, references } = options;
	const topicCount = options.topics ?? Math.max(1, Math.round(guidelines / 50));
	const islandsEvery = options.repoRoot ? (options.islandsEvery ?? 10) : 0;
	let withIslands = 0;
	const rand = random(42);
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
	const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	rmSync(dir, { recursive: true, force: true });
	for (const sub of ['guidelines', 'references', 'disclaimers', 'protocols']) mkdirSync(join(dir, sub), { recursive: true });

	const topics = Array.from({ length: topicCount }, (_, i) => `topic-${String(i + 1).padStart(3, '0')}`);
	writeFileSync(join(dir, 'topics.yaml'), topics.map((t, i) => `- id: ${t}\n  label: Topic ${i + 1}\n  description: Generated topic number ${i + 1} for benchmarks.\n  order: ${i}\n`).join(''));
	writeFileSync(join(dir, 'disclaimers', 'professional.yaml'), 'title: Professional medical disclaimer\nparagraphs:\n  - Generated benchmark content, not medical advice.\n');

	const keys = Array.from({ length: references }, (_, i) => `ref-${String(i + 1).padStart(5, '0')}-${1980 + (i % 45)}`);
	keys.forEach((key, i) => {
		writeFileSync(
			join(dir, 'references', `${key}.yaml`),
			`id: ${key}\ntype: article-journal\ntitle: Generated study ${i + 1} of ${sentence(4)}.\nauthor:\n  - family: Author${i}\n    given: A\ncontainer-title: Journal of Benchmarks\nissued: { date-parts: [[${1980 + (i % 45)}]] }\nvolume: ${1 + (i % 60)}\npage: ${100 + i}-${110 + i}\nDOI: 10.5555/bench.${i + 1}\nx-evidence:\n  kind: ${pick(['rct', 'cohort', 'systematic-review', 'narrative-review'])}\n  tier: ${i % 3 ? 'primary' : 'secondary'}\n  publisher: Journal of Benchmarks\n`,
		);
	});

	let claims = 0;
	let citations = 0;
	const cite = () => {
		const n = 1 + Math.floor(rand() * 3);
		citations += n;
		return `[${Array.from({ length: n }, () => `@${pick(keys)}`).join('; ')}]`;
	};
	for (let g = 0; g < guidelines; g++) {
		const topic = topics[g % topicCount]!;
		const slug = `guideline-${String(g + 1).padStart(5, '0')}`;
		mkdirSync(join(dir, 'guidelines', topic), { recursive: true });
		const body: string[] = [];
		let left = claimsPerGuideline - 1; // the bottom line is one
		let section = 0;
		while (left > 0) {
			section++;
			body.push(`## Section ${section} on ${sentence(2)} [#section-${section}]`, '');
			const bullets = Math.min(left, 5);
			for (let b = 0; b < bullets; b++) body.push(`- Claim ${section}.${b + 1}: ${sentence(10)} ${b === 0 && section === 1 ? '[!gap-one]' : cite()} [#claim-${section}-${b + 1}]`);
			left -= bullets;
			body.push('');
			if (left > 0 && section % 3 === 0) {
				body.push(':::caution[Pitfall]', `${sentence(12)} ${cite()} [#pitfall-${section}]`, ':::', '');
				left--;
			}
			if (left > 0 && section % 4 === 0) {
				body.push('| Measure | Value |', '| --- | --- |', `| ${sentence(2)} | ${sentence(3)} ${cite()} |`, '');
				left--;
			}
		}
		const frontmatter = [
			'---',
			'type: guideline',
			`title: What is the recommended approach for generated question ${g + 1}?`,
			`bottomLine: ${sentence(16)} ${cite()}`,
			'audience: [clinicians]',
			`topics: [${topic}]`,
			'review:',
			'  status: submitted',
			'evidenceGaps:',
			'  - id: gap-one',
			'    kind: unsupported-statement',
			'    reason: Generated gap, standing in for a statement the source makes without a reference.',
			'disclaimer: professional',
			'---',
			'',
		];
		const file = join(dir, 'guidelines', topic, `${slug}.mdx`);
		if (islandsEvery > 0 && g % islandsEvery === 0 && options.repoRoot) {
			withIslands++;
			const protocol = `protocol-${String(g + 1).padStart(5, '0')}`;
			const { yaml, statements } = protocolFor(options.repoRoot, `guidelines/${topic}/${slug}`);
			writeFileSync(join(dir, 'protocols', `${protocol}.yaml`), yaml);
			body.push('## Protocol statements [#protocol-statements]', '', ...statements.map((st) => `- ${st.text} ${cite()} [#${st.id}]`), '');
			body.push('## Apply the protocol [#apply-the-protocol]', '', `<Islands protocol="${protocol}" />`, '');
			claims += statements.length;
		}
		writeFileSync(file, `${frontmatter.join('\n')}${body.join('\n')}\n`);
		claims += claimsPerGuideline;
	}
	return { guidelines, withIslands, claims, citations, references, topics: topicCount };
}
