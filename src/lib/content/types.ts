/** The content index: every page, reference, topic, disclaimer and protocol, as plain data. */
import type { Finding } from '../findings/finding.ts';
import type { RuleNumber } from './numbers.ts';
import type { Claim, HeadingInfo, LocatedProblem } from '../claims/analyze.ts';
import type { LoadedReference } from '../references/load.ts';
import type { EvidenceGap } from '../../schemas/evidence-gap.ts';
import type { Settings } from '../../schemas/settings.ts';

/** A claim as the checks see it: plain data (no syntax-tree nodes), so it can be cached as JSON. */
export type ClaimSummary = Pick<Claim, 'id' | 'explicit' | 'kind' | 'text' | 'section' | 'cites' | 'citeAt' | 'position'>;
export type HeadingSummary = Pick<HeadingInfo, 'id' | 'explicit' | 'depth' | 'text' | 'position'>;

export interface IndexedPage {
	/** Entry id, e.g. guidelines/running-injuries/runner-medial-thigh-knee-pain. */
	id: string;
	/** Path relative to the project root. */
	file: string;
	type: 'guideline' | 'page' | 'unknown';
	/** Raw frontmatter (validated by the checks). */
	frontmatter: Record<string, unknown>;
	/** Line of each frontmatter key path we report on: "title", "topics.0", "evidenceGaps.1.reason". */
	lines: Record<string, number>;
	/**
	 * Set when the page could not be read (invalid MDX, or a YAML syntax error in its frontmatter):
	 * it is reported once, and checks that depend on its contents skip it rather than guess.
	 */
	readError?: 'mdx' | 'yaml';
	/** Column of the same key paths (a nested key or a list item is indented). */
	columns: Record<string, number>;
	/** Every `<Islands protocol="…">` on the page: the protocol it names and where. */
	islands?: { protocol: string; line: number; column: number }[];
	headings: HeadingSummary[];
	/** Claims in reading order, the bottom line first. */
	claims: ClaimSummary[];
	problems: LocatedProblem[];
	gaps: EvidenceGap[];
	/** Findings raised while reading the page (frontmatter YAML errors). */
	findings: Finding[];
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
	protocols: { file: string; guideline?: string; guidelineLine: number; claims: { id: string; line: number; column: number }[]; numbers: RuleNumber[] }[];
	/** Editorial settings (content/settings.yaml), defaults filled in. */
	settings: Settings;
	/** Findings raised while loading (YAML and schema errors). */
	loadFindings: Finding[];
	/** The moment date rules are judged against (injected in tests; the current time otherwise). */
	now: Date;
}

/**
 * What the site-wide checks need of a page (file names, unused references, protocols, review
 * dates): small and cached per file, so a check after one edit reads no other page's claims.
 */
export interface PageDigest {
	id: string;
	file: string;
	type: IndexedPage['type'];
	/** Could not be read (invalid MDX, or a YAML syntax error in its frontmatter): its type and claims are unknown. */
	unreadable: boolean;
	/** Every citation key the page cites, once each. */
	citedKeys: string[];
	/** Claims and reference citations (guidelines only; 0 on other pages), for the summary line. */
	claims: number;
	citations: number;
	/** The frontmatter's review block and the lines of its keys (for the time-dependent review checks). */
	frontmatter: { review?: unknown };
	lines: Record<string, number>;
	/** Reference keys named by editorialNotes[].references, where each is written. */
	noteKeys?: { key: string; field: string; line: number; column: number }[];
	/** Protocols named by <Islands protocol="…">, where. */
	islands?: { protocol: string; line: number; column: number }[];
	/** Findings raised while reading the page. */
	findings: Finding[];
}

