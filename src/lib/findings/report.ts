/**
 * The one reporter for every producer of findings (claim check, permalink check): text for people
 * (grouped by file, one fix hint per finding, a count per rule and what to do next), JSON for
 * tools, and GitHub Actions annotations in CI. Hints and severities come from the catalogue.
 */
import { RULES } from './rules.ts';
import type { Finding } from './finding.ts';

export interface ReportOptions {
	strict: boolean;
	color: boolean;
}

/** What was checked, for the summary line. */
export interface Report {
	/** e.g. "Claim check". */
	title: string;
	findings: readonly Finding[];
	/** What was checked, e.g. "3 pages (1 guideline), 45 claims, …". */
	checked: string;
	/** The command to run again after fixing, e.g. "npm run check". */
	rerun: string;
}

/** Severity after --strict (exceptions become errors). */
export function effectiveSeverity(f: Finding, strict: boolean): Finding['severity'] {
	return strict && f.rule === 'exception' ? 'error' : f.severity;
}

export function exitCode(findings: readonly Finding[], strict: boolean): number {
	return findings.some((f) => effectiveSeverity(f, strict) === 'error') ? 1 : 0;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText({ title, findings, checked, rerun }: Report, { strict, color }: ReportOptions): string {
	const c = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
	const shown = findings.filter((f) => effectiveSeverity(f, strict) !== 'info');
	const exceptions = findings.filter((f) => f.rule === 'exception');
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
		lines.push(c(32, `✔ ${title} passed: ${checked}${warnings.length ? `; ${plural(warnings.length, 'warning')}` : ''}.`));
	} else {
		const perRule = new Map<string, number>();
		for (const f of errors) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
		lines.push(
			c(31, `✘ ${title} failed: ${plural(errors.length, 'error')}${warnings.length ? `, ${plural(warnings.length, 'warning')}` : ''} (${[...perRule].map(([r, n]) => `${r} ×${n}`).join(', ')}).`),
			`  Checked ${checked}. Fix each error at the file:line shown (the "fix:" line says how), then run ${rerun} again.`,
		);
	}
	return lines.join('\n').replace(/^\n/, '');
}

export function formatJson(report: Report, strict: boolean, extra: Record<string, unknown> = {}): string {
	return JSON.stringify(
		{
			ok: exitCode(report.findings, strict) === 0,
			strict,
			...extra,
			findings: report.findings.map((f) => ({ ...f, severity: effectiveSeverity(f, strict), hint: RULES.get(f.rule)!.hint })),
		},
		null,
		2,
	);
}

/**
 * GitHub shows at most 10 annotations of each kind per step. Past that, one annotation without a
 * place comes first and says how many there are and where to see them all (as withastro/docs'
 * link check does); errors come before warnings and notices, so the ones shown matter most.
 */
export const GITHUB_ANNOTATION_LIMIT = 10;

/** GitHub Actions workflow commands, so findings appear on the pull request's diff. */
export function formatGithub({ title, findings, rerun }: Report, strict: boolean): string {
	const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
	const command = (f: Finding) => {
		const sev = effectiveSeverity(f, strict);
		return sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'notice';
	};
	const order = { error: 0, warning: 1, notice: 2 };
	const sorted = [...findings].sort((a, b) => order[command(a)] - order[command(b)]);
	const lines: string[] = [];
	for (const kind of ['error', 'warning', 'notice'] as const) {
		const n = sorted.filter((f) => command(f) === kind).length;
		if (n > GITHUB_ANNOTATION_LIMIT) {
			lines.push(`::${kind} title=${prop(`${title}: ${n} ${kind}s`)}::${escape(`${title} found ${n} ${kind}s; GitHub shows only the first ${GITHUB_ANNOTATION_LIMIT} on the diff. See them all in this step's log, or run ${rerun} locally.`)}`);
		}
	}
	for (const f of sorted) {
		lines.push(`::${command(f)} file=${prop(f.file)},line=${f.line},col=${f.column},title=${prop(f.rule)}::${escape(`${f.message} Fix: ${RULES.get(f.rule)!.hint}`)}`);
	}
	return lines.join('\n');
}
