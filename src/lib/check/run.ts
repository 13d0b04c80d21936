/** Runs every check over a content index and summarises the result. */
import { buildIndex, type LoadOptions } from '../content/load.ts';
import { CHECKS } from './checks.ts';
import type { Finding } from '../findings/finding.ts';
import type { ContentIndex } from '../content/types.ts';

export interface CheckResult {
	index: ContentIndex;
	findings: Finding[];
	stats: { guidelines: number; pages: number; claims: number; citations: number; references: number; exceptions: number };
}

export async function runCheck(options: LoadOptions): Promise<CheckResult> {
	const index = await buildIndex(options);
	const findings = [...index.loadFindings, ...CHECKS.flatMap((check) => check(index))].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
	);
	const guidelines = index.pages.filter((p) => p.type === 'guideline');
	const claims = guidelines.flatMap((p) => p.claims);
	return {
		index,
		findings,
		stats: {
			guidelines: guidelines.length,
			pages: index.pages.length,
			claims: claims.length,
			citations: claims.reduce((n, c) => n + c.cites.filter((x) => x.type === 'ref').length, 0),
			references: index.references.size,
			exceptions: findings.filter((f) => f.rule === 'exception').length,
		},
	};
}
