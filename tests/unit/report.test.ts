/** The one reporter (src/lib/findings/report.ts): text, JSON and GitHub output from the catalogue. */
import { describe, expect, test } from 'vitest';
import { finding } from '../../src/lib/findings/finding.ts';
import { exitCode, formatGithub, formatJson, formatText, GITHUB_ANNOTATION_LIMIT, type Report } from '../../src/lib/findings/report.ts';
import { RULES } from '../../src/lib/findings/rules.ts';

const uncited = (n: number) => finding('claim-uncited', 'content/guidelines/knee/a.mdx', n, 1, `Statement ${n} cites no reference.`);
const report = (findings: Report['findings']): Report => ({ title: 'Claim check', findings, checked: 'everything', rerun: 'npm run check' });

describe('findings take severity and fix from the catalogue', () => {
	test('severity', () => {
		expect(uncited(1).severity).toBe(RULES.get('claim-uncited')!.severity);
		expect(finding('exception', 'x.mdx', 1, 1, 'm', { gap: 'g' })).toMatchObject({ severity: RULES.get('exception')!.severity, subject: { gap: 'g' } });
	});

	test('text and JSON carry the fix; exit code follows severity and --strict', () => {
		const gap = finding('exception', 'x.mdx', 3, 1, 'Unsupported statement', { gap: 'g' });
		expect(formatText(report([uncited(2)]), { strict: false, color: false })).toContain(`    fix: ${RULES.get('claim-uncited')!.hint}`);
		expect(JSON.parse(formatJson(report([gap]), true)).findings[0]).toMatchObject({ rule: 'exception', severity: 'error', subject: { gap: 'g' }, hint: RULES.get('exception')!.hint });
		expect(exitCode([gap], false)).toBe(0);
		expect(exitCode([gap], true)).toBe(1);
	});
});

describe('GitHub annotations', () => {
	test('up to the limit: one annotation per finding, nothing else', () => {
		const lines = formatGithub(report([uncited(1), uncited(2)]), false).split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^::error file=content\/guidelines\/knee\/a\.mdx,line=1,col=1,title=claim-uncited::Statement 1 cites no reference\. Fix: /);
	});

	test('past the limit: a summary annotation first says how many and where to see them all; errors before warnings', () => {
		const many = Array.from({ length: GITHUB_ANNOTATION_LIMIT + 3 }, (_, i) => uncited(i + 1));
		const warning = finding('reference-unused', 'content/references/r.yaml', 1, 1, 'Unused.');
		const lines = formatGithub(report([warning, ...many]), false).split('\n');
		expect(lines[0]).toBe(`::error title=Claim check%3A ${many.length} errors::Claim check found ${many.length} errors; GitHub shows only the first ${GITHUB_ANNOTATION_LIMIT} on the diff. See them all in this step's log, or run npm run check locally.`);
		expect(lines.slice(1, 1 + many.length).every((l) => l.startsWith('::error file='))).toBe(true);
		expect(lines.at(-1)).toMatch(/^::warning file=content\/references\/r\.yaml/);
		expect(lines).toHaveLength(many.length + 2);
	});
});
