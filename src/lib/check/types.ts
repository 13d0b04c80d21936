/** Findings and the content index the checks run over. */
import type { Root } from 'mdast';
import type { RuleId, Severity } from './rules.ts';
import type { GuidelinePageAnalysis } from '../claims/page.ts';
import type { LoadedReference } from '../references/load.ts';
import type { EvidenceGap } from '../../schemas/evidence-gap.ts';

export interface Finding {
	rule: RuleId;
	severity: Severity;
	/** Path relative to the project root, e.g. content/guidelines/x/y.mdx. */
	file: string;
	line: number;
	column: number;
	message: string;
}

export interface IndexedPage {
	/** Entry id, e.g. guidelines/running-injuries/runner-medial-thigh-knee-pain. */
	id: string;
	file: string;
	type: 'guideline' | 'page' | 'unknown';
	/** Raw frontmatter (validated separately). */
	frontmatter: Record<string, unknown>;
	/** Line of each top-level frontmatter key, and of `key.index` for arrays we report on. */
	lines: Map<string, number>;
	tree: Root;
	analysis: GuidelinePageAnalysis;
	gaps: EvidenceGap[];
}

export interface ContentIndex {
	root: string;
	contentDir: string;
	pages: IndexedPage[];
	/** Valid references by citation key. */
	references: Map<string, LoadedReference>;
	/** Every reference file's key, valid or not (an invalid file is reported once, not at each citation). */
	referenceFiles: Set<string>;
	topics: Set<string>;
	disclaimers: Set<string>;
	protocols: { file: string; guideline?: string; guidelineLine: number; claims: { id: string; line: number; column: number }[] }[];
	/** Findings raised while loading (YAML and schema errors). */
	loadFindings: Finding[];
}
