/**
 * Output: text for people (grouped by file, one fix hint per finding, a summary per rule),
 * JSON for tools, and GitHub Actions annotations in CI.
 */
import { RULES } from '../findings/rules.ts';
import type { CheckResult } from './run.ts';
import type { Finding } from '../findings/finding.ts';

export interface ReportOptions {
	strict: boolean;
	color: boolean;
}

/** Severity after --strict (exceptions become errors). */
export function effectiveSeverity(f: Finding, strict: boolean): Finding['severity'] {
	return strict && f.rule === 'exception' ? 'error' : f.severity;
}

export function exitCode(result: CheckResult, strict: boolean): number {
	return result.findings.some((f) => effectiveSeverity(f, strict) === 'error') ? 1 : 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(result: CheckResult, { strict, color }: ReportOptions): string {
	const c = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
	const { stats } = result;
	const exceptionIds = [...new Set(result.findings.filter((f) => f.rule === 'exception').map((f) => /\(([a-z0-9-]+)\)/.exec(f.message)?.[1] ?? '?'))];
	const counts = `${plural(stats.pages, 'page')} (${plural(stats.guidelines, 'guideline')}), ${plural(stats.claims, 'claim')}, ${plural(stats.citations, 'citation')}, ${plural(stats.references, 'reference')}, ${plural(stats.exceptions, 'exception')}${exceptionIds.length ? ` (${exceptionIds.join(', ')}; see them with --strict)` : ''}`;
	const shown = result.findings.filter((f) => effectiveSeverity(f, strict) !== 'info');
	const exceptions = result.findings.filter((f) => f.rule === 'exception');
	const lines: string[] = [];
	if (shown.length) {
		let file = '';
		for (const f of shown) {
			if (f.file !== file) {
				file = f.file;
				lines.push('', c(4, file));
			}
			const sev = effectiveSeverity(f, strict);
			const mark = sev === 'error' ? c(31, '✘') : c(33, '⚠');
			lines.push(`${mark} ${f.file}:${f.line}:${f.column}  ${f.message}  ${c(2, `[${f.rule}]`)}`);
			lines.push(`    ${c(2, 'fix:')} ${RULES.get(f.rule)!.hint}`);
		}
		lines.push('');
	}
	if (!strict && exceptions.length && shown.length) {
		lines.push(`${plural(exceptions.length, 'exception')} (statements published with an evidence gap; --strict fails on them):`);
		for (const f of exceptions) lines.push(`  · ${f.file}:${f.line}  ${f.message}`);
	}
	const errors = shown.filter((f) => effectiveSeverity(f, strict) === 'error');
	const warnings = shown.filter((f) => effectiveSeverity(f, strict) === 'warning');
	if (errors.length === 0) {
		lines.push(c(32, `✔ Claim check passed: ${counts}${warnings.length ? `; ${plural(warnings.length, 'warning')}` : ''}.`));
	} else {
		const perRule = new Map<string, number>();
		for (const f of errors) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
		lines.push(
			c(31, `✘ Claim check failed: ${plural(errors.length, 'error')}${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''} (${[...perRule].map(([r, n]) => `${r} ×${n}`).join(', ')}).`),
			`  Checked ${counts}. Fix each error at the file:line shown (the "fix:" line says how), then run npm run check again.`,
		);
	}
	return lines.join('\n').replace(/^\n/, '');
}

export function formatJson(result: CheckResult, strict: boolean): string {
	return JSON.stringify(
		{
			ok: exitCode(result, strict) === 0,
			strict,
			stats: result.stats,
			findings: result.findings.map((f) => ({ ...f, severity: effectiveSeverity(f, strict), hint: RULES.get(f.rule)!.hint })),
		},
		null,
		2,
	);
}

/** GitHub Actions workflow commands, so findings appear on the pull request's diff. */
export function formatGithub(result: CheckResult, strict: boolean): string {
	const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return result.findings
		.map((f) => {
			const sev = effectiveSeverity(f, strict);
			const cmd = sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'notice';
			return `::${cmd} file=${prop(f.file)},line=${f.line},col=${f.column},title=${prop(f.rule)}::${escape(`${f.message} Fix: ${RULES.get(f.rule)!.hint}`)}`;
		})
		.join('\n');
}
