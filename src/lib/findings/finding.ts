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
}

/** A finding with the severity the catalogue gives its rule. */
export function finding(rule: RuleId, file: string, line: number, column: number, message: string): Finding {
	return { rule, severity: RULES.get(rule)!.severity, file, line, column, message };
}
