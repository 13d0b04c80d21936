/**
 * A finding: one problem at one place, named by a rule of the catalogue (rules.ts), whose
 * severity and fix it takes. Every producer (content loading, checks, permalinks) makes them here.
 */
import { RULES, type RuleId, type Severity } from './rules.ts';

export interface Finding {
	rule: RuleId;
	severity: Severity;
	/** Path relative to the project root, e.g. content/guidelines/x/y.mdx. */
	file: string;
	line: number;
	column: number;
	message: string;
	/** What the finding is about, as data, for reports and tools (never parsed back out of the message). */
	subject?: Subject;
}

/** The things a finding can be about; each producer fills what applies. */
export interface Subject {
	/** Content entry id of the page, e.g. guidelines/knee/sample. */
	page?: string;
	/** Statement (claim) id. */
	claim?: string;
	/** Evidence-gap id. */
	gap?: string;
	/** Citation key. */
	reference?: string;
	/** Site path, e.g. /guidelines/knee/sample/. */
	path?: string;
	/** Anchor id on that path. */
	anchor?: string;
	/** Frontmatter or data field path, e.g. review.status. */
	field?: string;
}

/** A finding with the severity the catalogue gives its rule. */
export function finding(rule: RuleId, file: string, line: number, column: number, message: string, subject?: Subject): Finding {
	return { rule, severity: RULES.get(rule)!.severity, file, line, column, message, ...(subject ? { subject } : {}) };
}
