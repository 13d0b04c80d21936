/**
 * The claim check's report: its summary line (what was checked, which exceptions were published)
 * over the one reporter (src/lib/findings/report.ts).
 */
import * as reporter from '../findings/report.ts';
import { plural, type ReportOptions } from '../findings/report.ts';
import type { CheckResult } from './run.ts';

export { effectiveSeverity, type ReportOptions } from '../findings/report.ts';

function report(result: CheckResult): reporter.Report {
	const { stats } = result;
	// Exception findings name the gap they cite (subject.gap): no reading it back out of the message.
	const exceptionIds = [...new Set(result.findings.flatMap((f) => (f.rule === 'exception' ? [f.subject?.gap ?? '?'] : [])))];
	const checked = `${plural(stats.pages, 'page')} (${plural(stats.guidelines, 'guideline')}), ${plural(stats.claims, 'claim')}, ${plural(stats.citations, 'citation')}, ${plural(stats.references, 'reference')}, ${plural(stats.exceptions, 'exception')}${exceptionIds.length ? ` (${exceptionIds.join(', ')}; see them with --strict)` : ''}`;
	return { title: 'Claim check', findings: result.findings, checked, rerun: 'npm run check' };
}

export const exitCode = (result: CheckResult, strict: boolean) => reporter.exitCode(result.findings, strict);
export const formatText = (result: CheckResult, options: ReportOptions) => reporter.formatText(report(result), options);
export const formatJson = (result: CheckResult, strict: boolean) => reporter.formatJson(report(result), strict, { stats: result.stats });
export const formatGithub = (result: CheckResult, strict: boolean) => reporter.formatGithub(report(result), strict);
