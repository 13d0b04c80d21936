/**
 * The claim check against its fixture corpus (tests/fixtures/check): one case per rule, each
 * asserting rule id, file and line; the main messages' wording is locked.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';
import { buildIndex } from '../../src/lib/content/load.ts';
import { exitCode, formatGithub, formatText } from '../../src/lib/check/report.ts';
import { RULE_LIST } from '../../src/lib/findings/rules.ts';
import { RESERVED_IDS, RESERVED_PREFIXES } from '../../src/lib/content/anchors.ts';
import { ID_PATTERN } from '../../src/lib/claims/markers.ts';

const fixtures = new URL('../fixtures/check/', import.meta.url).pathname;
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A project whose content/ is base/ overlaid with cases/<name>/. */
function project(name?: string): string {
	const root = mkdtempSync(join(tmpdir(), 'eh-check-'));
	temps.push(root);
	cpSync(join(fixtures, 'base'), join(root, 'content'), { recursive: true });
	if (name) cpSync(join(fixtures, 'cases', name), join(root, 'content'), { recursive: true });
	return root;
}

/** 1-based line of the first line containing `text` in a content file of the case. */
function lineOf(root: string, file: string, text: string): number {
	const index = readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
	if (index === -1) throw new Error(`"${text}" is not in ${file}`);
	return index + 1;
}

/** Rule ids found across every fixture run, so the catalogue's coverage is measured, not declared. */
const observed = new Set<string>();

async function findings(name?: string, now?: Date) {
	const root = project(name);
	const result = await runCheck({ root, ...(now ? { now } : {}) });
	for (const f of result.findings) observed.add(f.rule);
	const shown = result.findings.filter((f) => f.rule !== 'exception');
	return { root, result, shown, list: shown.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`) };
}

const PAGE = 'content/guidelines/knee/sample.mdx';

describe('the fixture base', () => {
	test('passes, with one exception', async () => {
		const { result, shown } = await findings();
		expect(shown).toEqual([]);
		expect(result.stats).toMatchObject({ guidelines: 1, claims: 10, citations: 10, references: 2, exceptions: 1 });
		expect(exitCode(result, false)).toBe(0);
		expect(exitCode(result, true)).toBe(1);
	});
});

describe('one case per rule', () => {
	test('claim-uncited: an uncited bullet is caught without any marking', async () => {
		const { root, list } = await findings('uncited-claim');
		expect(list).toEqual([`claim-uncited ${PAGE}:${lineOf(root, PAGE, 'Swelling that lasts')} This list item cites no reference: "Swelling that lasts more than a day"`]);
	});

	test('claim-uncited: a heading stating a proportion needs a citation or an evidence gap', async () => {
		const { root, list } = await findings('uncited-statistic');
		expect(list).toContain(`claim-uncited ${PAGE}:${lineOf(root, PAGE, '### Strength')} This heading states a proportion but cites no reference: "Strength (50% of studies)"`);
		expect(list).toContain(`gap-unused ${PAGE}:${lineOf(root, PAGE, '- id: gap-one')} The evidence gap "gap-one" is declared but no statement cites [!gap-one].`);
	});

	test('citation-unknown-reference', async () => {
		const { root, list } = await findings('unknown-reference');
		expect(list).toEqual([
			`citation-unknown-reference ${PAGE}:${lineOf(root, PAGE, 'Rest for two weeks')} [@jonse-2019] cites a reference that does not exist (no content/references/jonse-2019.yaml). Did you mean [@jones-2019]?`,
		]);
	});

	test('citation-unknown-gap', async () => {
		const { root, list } = await findings('unknown-gap');
		expect(list).toContain(`citation-unknown-gap ${PAGE}:${lineOf(root, PAGE, '[!gap-two]')} [!gap-two] cites an evidence gap that is not declared in this page's evidenceGaps.`);
	});

	test('id-duplicate', async () => {
		const { root, list } = await findings('duplicate-id');
		expect(list).toEqual([`id-duplicate ${PAGE}:${lineOf(root, PAGE, 'Joint-line')} The claim id "effusion" is already used on line ${lineOf(root, PAGE, 'Effusion after')}.`]);
	});

	test('id-duplicate: an id the page layout renders (anchor registry) is rejected', async () => {
		const { root, list } = await findings('reserved-id');
		expect(list).toEqual([
			`id-duplicate ${PAGE}:${lineOf(root, PAGE, 'Joint-line')} The claim id "cite-tip-1" starts with "cite-tip-", which is reserved for ids the page layout generates.`,
			`id-duplicate ${PAGE}:${lineOf(root, PAGE, 'Do not return before')} The claim id "changes" is reserved for a section the page layout adds.`,
		]);
	});

	test('id-duplicate: every id of the anchor registry, and every generated prefix, is rejected on a statement', async () => {
		const root = project();
		const ids = [...RESERVED_IDS, ...RESERVED_PREFIXES.map((p) => `${p}x`)].filter((id) => ID_PATTERN.test(id));
		const text = readFileSync(join(root, PAGE), 'utf8');
		writeFileSync(join(root, PAGE), `${text.trimEnd()}\n\n${ids.map((id, i) => `Statement ${i} cites. [@jones-2019] [#${id}]`).join('\n\n')}\n`);
		const result = await runCheck({ root });
		const rejected = result.findings.filter((f) => f.rule === 'id-duplicate').map((f) => /The claim id "([^"]+)"/.exec(f.message)?.[1]);
		expect(ids).toContain('changes');
		expect(rejected.sort()).toEqual([...ids].sort());
	});

	test('heading-id-missing', async () => {
		const { root, list } = await findings('heading-without-id');
		expect(list).toEqual([`heading-id-missing ${PAGE}:${lineOf(root, PAGE, '## Management')} The heading "Management" has no permanent id.`]);
	});

	test('marker-malformed', async () => {
		const { root, list } = await findings('malformed-marker');
		const line = lineOf(root, PAGE, 'Rest for two weeks');
		expect(list).toContain(
			`marker-malformed ${PAGE}:${line} "@Jones 2019" in [@Jones 2019] is not a citation: write @key for a reference or !gap-id for an evidence gap, separated by ";".`,
		);
	});

	test('gap-reason-missing: an exception without a written reason', async () => {
		const { root, list } = await findings('gap-without-reason');
		expect(list).toEqual([`gap-reason-missing ${PAGE}:${lineOf(root, PAGE, '- id: gap-one')} The evidence gap "gap-one" has no reason: an exception to citing must say why.`]);
	});

	test('frontmatter-invalid names the field and says how to fix it', async () => {
		const { root, list } = await findings('frontmatter-invalid');
		expect(list).toEqual([`frontmatter-invalid ${PAGE}:${lineOf(root, PAGE, 'title:')} title: The title is the clinical question the page answers: end it with "?".`]);
	});

	test('frontmatter-unknown-link and topic-folder-mismatch', async () => {
		const { root, list } = await findings('unknown-topic');
		const line = lineOf(root, PAGE, 'topics:');
		expect(list).toEqual([
			`frontmatter-unknown-link ${PAGE}:${line} topics: "knees" is not a topic in content/topics.yaml. Did you mean "knee"? Known topics: knee.`,
			`topic-folder-mismatch ${PAGE}:${line} The first topic is "knees" but the page is in content/guidelines/knee/.`,
		]);
	});

	test('reference-unused is a warning: the check still passes', async () => {
		const { result, list } = await findings('unused-reference');
		expect(list).toEqual(['reference-unused content/references/brown-2001.yaml:1 The reference "brown-2001" is not cited by any page.']);
		expect(result.findings.find((f) => f.rule === 'reference-unused')?.severity).toBe('warning');
		expect(exitCode(result, false)).toBe(0);
	});

	test('reference-missing-field', async () => {
		const { list } = await findings('missing-field');
		expect(list).toEqual(['reference-missing-field content/references/smith-2020.yaml:2 A reference of type article-journal needs author; it is neither given nor listed under x-missing.']);
	});

	test('reference-invalid: malformed DOI and PMID, reported once in the reference file', async () => {
		const { root, list } = await findings('malformed-identifiers');
		const file = 'content/references/smith-2020.yaml';
		expect(list).toEqual([
			`reference-invalid ${file}:${lineOf(root, file, 'DOI:')} DOI: A DOI looks like 10.1234/abcd — no "https://doi.org/" prefix, no spaces.`,
			`reference-invalid ${file}:${lineOf(root, file, 'PMID:')} PMID: A PMID is digits only, e.g. "1508994" — no "PMID:" prefix.`,
		]);
	});

	test('protocol-claim-unknown: a protocol rule pointing at a removed claim', async () => {
		const { root, list } = await findings('protocol-removed-claim');
		const file = 'content/protocols/sample.yaml';
		expect(list).toEqual([`protocol-claim-unknown ${file}:${lineOf(root, file, 'rest-three-weeks')} The claim "rest-three-weeks" does not exist on ${PAGE}. Did you mean "rest-two-weeks"?`]);
	});

	test('citations inside code, code blocks and quotations do not count', async () => {
		const { root, list } = await findings('citation-in-code');
		// The paragraph's only citation is inside inline code, so it is uncited; the code block's
		// and the blockquote's citations to unknown keys are not findings.
		expect(list).toEqual([`claim-uncited ${PAGE}:${lineOf(root, PAGE, 'Cite with')} This paragraph cites no reference: "Cite with [@jones-2019] in prose, not in code."`]);
	});

	test('marker-misplaced: a citation in a table header row does not count', async () => {
		const { root, list } = await findings('marker-misplaced');
		expect(list).toEqual([`marker-misplaced ${PAGE}:${lineOf(root, PAGE, '| Exercise')} This citation is in a table header row, where it does not count; move it into the claim it supports.`]);
	});

	test('protocol-invalid: a protocol naming a guideline that does not exist', async () => {
		const { root, list } = await findings('protocol-invalid');
		const file = 'content/protocols/sample.yaml';
		expect(list).toEqual([`protocol-invalid ${file}:${lineOf(root, file, 'guideline:')} guideline: "guidelines/knee/sampel" is not a page in content/.`]);
	});

	test('date-in-future and calendar dates: judged against an injected today; nextReview may be in the future', async () => {
		const { root, result } = await findings('dates', new Date('2026-06-01T12:00:00Z'));
		const REF = 'content/references/smith-2020.yaml';
		const about = result.findings.filter((f) => f.rule === 'date-in-future' || (f.rule === 'frontmatter-invalid' && /date/.test(f.message))).map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`);
		expect(about).toEqual([
			`date-in-future ${PAGE}:${lineOf(root, PAGE, 'submitted: 2099')} review.submitted: 2099-01-05 is in the future (today is 2026-06-01): it is the date the page was submitted for review, so it cannot be later than today. Write the date it happened; a date still to come belongs nowhere here.`,
			`frontmatter-invalid ${PAGE}:${lineOf(root, PAGE, 'date: 2026-02-30')} changelog.0.date: 2026-02-30 is not a date on the calendar: February 2026 has 28 days. Did you mean 2026-02-28?`,
			`date-in-future ${PAGE}:${lineOf(root, PAGE, 'date: 2026-06-02')} changelog.1.date: 2026-06-02 is in the future (today is 2026-06-01): it is the date a change was published, so it cannot be later than today. Write the date it happened; a date still to come belongs nowhere here.`,
			`date-in-future ${REF}:${lineOf(root, REF, 'issued:')} issued: 2026-07-01 is in the future (today is 2026-06-01): it is the date it was published, so it cannot be later than today. Write the date it happened; a date still to come belongs nowhere here.`,
		]);
		// The same content a day after the last of those dates has no date findings left but the calendar one.
		const later = await runCheck({ root, now: new Date('2099-02-01T00:00:00Z') });
		expect(later.findings.filter((f) => f.rule === 'date-in-future')).toEqual([]);
	});

	test('editorial-note-unknown-reference and islands-unknown-protocol: names that must exist, at the name itself', async () => {
		const { root, list } = await findings('page-links');
		expect(list).toEqual([
			`editorial-note-unknown-reference ${PAGE}:${lineOf(root, PAGE, 'references: [jones-2019, smith-2002]')} editorialNotes.0.references.1: "smith-2002" is not a reference (no content/references/smith-2002.yaml). Did you mean "smith-2020"?`,
			`islands-unknown-protocol ${PAGE}:${lineOf(root, PAGE, '<Islands')} <Islands protocol="sampel"> names a protocol that does not exist (no content/protocols/sampel.yaml): the calculators would have nothing to compute from. Did you mean "sample"?`,
		]);
	});

	test('data-invalid: implausible protocol values, each at its line and column with the fix', async () => {
		const { root, result } = await findings('protocol-bounds');
		const file = 'content/protocols/sample.yaml';
		const at = (text: string, column: number) => `${file}:${lineOf(root, file, text)}:${column}`;
		expect(result.findings.filter((f) => f.rule === 'data-invalid').map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
			`${at('min: -10', 5)} gates.0.min: -10 is not a plausible value: write a whole number from 1 to 365 days, e.g. 10.`,
			`${at('id: continuousWalkingMinutes', 5)} gates.2.min: is missing: continuousWalkingMinutes is a numeric criterion and needs the smallest value that meets it, e.g. min: 30 (without it any value, even 0, would meet it).`,
			`${at('fractionOfPreInjury:', 25)} intensity.fractionOfPreInjury.0: 0 is not a plausible value: write a number from 0.01 to 1 (a fraction: 0.3 is 30%), e.g. 0.3.`,
			`${at('maxIncrease:', 3)} progression.maxIncrease: 10 is not a plausible value: write a number from 0.01 to 0.5 (a fraction: 0.1 is 10%), e.g. 0.1. Did you mean 0.1 (10%)?`,
			`${at('weeks: [4, 3]', 5)} timeline.0.weeks: is written [high, low]: 4 is more than 3. Write the range as [low, high]: [3, 4].`,
			`${at('distanceKm:', 16)} limits.distanceKm.0: 0 is not a plausible value: write a number from 0.1 to 300 km, e.g. 10.`,
			`${at('distanceKm:', 19)} limits.distanceKm.1: 1000000000 is not a plausible value: write a number from 0.1 to 300 km, e.g. 10.`,
		]);
	});

	test('data-invalid: settings, topics and search vocabulary files against their schemas, at the line of the field', async () => {
		const { root, list } = await findings('data-invalid');
		expect(list).toEqual([
			`data-invalid content/search-vocabulary.yaml:${lineOf(root, 'content/search-vocabulary.yaml', 'synonim')} 1.kind: the text "synonim" is not allowed: did you mean "synonym"? Use one of "synonym", "abbreviation", "lay-term", "spelling". synonym, abbreviation, lay-term (what patients say) or spelling (British/American or common variants).`,
			`data-invalid content/settings.yaml:${lineOf(root, 'content/settings.yaml', 'maxReferenceAge:')} evidenceMap: unknown field "maxReferenceAge": did you mean "maxReferenceAgeYears"? The fields allowed here are maxReferenceAgeYears.`,
			`data-invalid content/topics.yaml:${lineOf(root, 'content/topics.yaml', 'order:')} 0.order: should be a number, not the text "first". Where the topic comes in lists of topics: a number, smaller first, e.g. 1.`,
		]);
	});

	test('mdx-invalid: a page that is not valid MDX is one located finding, without follow-on noise', async () => {
		const { root, list } = await findings('mdx-invalid');
		expect(list).toEqual([
			`mdx-invalid ${PAGE}:${lineOf(root, PAGE, '{or longer')} This page is not valid MDX, so it cannot be built: Unexpected end of file in expression, expected a corresponding closing brace for \`{\``,
		]);
	});

	test('citations are reported at the citation itself: its marker, or its own item in [@a; @b], in the body and in the bottom line', async () => {
		const { root, result } = await findings('citation-columns');
		const at = (text: string, needle = text) => {
			const line = lineOf(root, PAGE, text);
			return `${line}:${readFileSync(join(root, PAGE), 'utf8').split('\n')[line - 1]!.indexOf(needle) + 1}`;
		};
		const located = result.findings.filter((f) => f.rule.startsWith('citation-')).map((f) => `${f.rule} ${f.line}:${f.column}`);
		expect(located).toEqual([
			`citation-unknown-reference ${at('bottomLine:', '[@jnes-2019]')}`,
			`citation-unknown-reference ${at('Joint-line', '@smiht-2020')}`,
			`citation-unknown-gap ${at('### Strength', '[!gap-eno]')}`,
		]);
	});

	test('a malformed marker in the bottom line is reported where it is written in the frontmatter', async () => {
		const { root, shown } = await findings('bottom-line-marker');
		const line = lineOf(root, PAGE, 'bottomLine:');
		const column = readFileSync(join(root, PAGE), 'utf8').split('\n')[line - 1]!.indexOf('[@Smith Jones]') + 1;
		expect(shown.map((f) => `${f.rule} ${f.line}:${f.column}`)).toEqual([`marker-malformed ${line}:${column}`]);
	});

	test('every finding of a broken corpus has a real line and column (the column of what to fix, not always 1)', async () => {
		for (const name of ['citation-columns', 'unknown-topic', 'gap-without-reason', 'malformed-marker']) {
			const { result } = await findings(name);
			for (const f of result.findings) {
				expect(f.line, `${name}: ${f.rule}`).toBeGreaterThanOrEqual(1);
				expect(f.column, `${name}: ${f.rule}`).toBeGreaterThanOrEqual(1);
			}
		}
		const { root, result } = await findings('unknown-topic');
		const topic = result.findings.find((f) => f.rule === 'frontmatter-unknown-link')!;
		expect(topic.column).toBe(readFileSync(join(root, PAGE), 'utf8').split('\n')[topic.line - 1]!.indexOf('knees') + 1);
	});

	test('a YAML syntax error in the frontmatter is one finding at its line and column, with the fix, and nothing that follows from it', async () => {
		const { root, result } = await findings('yaml-syntax-error');
		const line = lineOf(root, PAGE, 'title:');
		expect(result.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
			`frontmatter-invalid ${PAGE}:${line}:${'title: '.length + 1} YAML syntax error in the frontmatter: this value contains ": ", which YAML reads as the start of another field. Put the whole value in quotes, e.g. title: "Knee pain: what now?"; or, if the next line is a field of its own, indent it exactly like the fields around it.`,
		]);
	});

	test('a YAML syntax error in a data file is one finding, and the half-read file is not checked further', async () => {
		const { root, shown } = await findings('yaml-syntax-error-data');
		const file = 'content/protocols/sample.yaml';
		expect(shown.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
			`data-invalid ${file}:${lineOf(root, file, '   - id: tendernessResolved')}:4 YAML syntax error: this line is not indented like the ones it belongs with. Fields (and list items "- …") of one group must start at the same column: use the same number of spaces.`,
		]);
	});

	test('grades: discordant, certainty above the evidence, uncited, unknown statement; justified grades pass', async () => {
		const { root, list, result } = await findings('grades');
		const at = (text: string) => lineOf(root, PAGE, text);
		expect(list).toEqual([
			`grade-discordant ${PAGE}:${at('  avoid-stretching:')} "avoid-stretching" is a strong recommendation against resting only on expert opinion: GRADE calls this discordant. Make it conditional, cite stronger evidence, or write grades.avoid-stretching.justification saying why it is strong anyway.`,
			`grade-certainty-unsupported ${PAGE}:${at('  brace:')} "brace" is rated high certainty, but its references (cohort study) support at most low. Lower the certainty, cite stronger evidence, or write grades.brace.justification saying why it is rated up.`,
			`grade-uncited ${PAGE}:${at('  strength-figure:')} The statement "strength-figure" is graded but cites no reference: a grade must rest on at least one reference.`,
			`grade-unknown-statement ${PAGE}:${at('  effusoin:')} grades: "effusoin" is not the id of a statement on this page; did you mean "effusion"? Statements are graded by the [#id] at their end.`,
		]);
		// Strong on expert opinion and narrative review with a justification (ice-after-running), rated
		// up with a justification (taping) and strong on a guideline (rest-two-weeks) are not findings.
		expect(result.findings.every((f) => f.severity === 'error' || f.rule === 'exception')).toBe(true);
		expect(exitCode(result, false)).toBe(1);
	});

	test('grade-discordant: narrative reviews alone are discordant too, and a justification silences it', async () => {
		const root = project('grades');
		const file = join(root, PAGE);
		const text = readFileSync(file, 'utf8');
		writeFileSync(file, text.replace('[@opinion-2018] [#avoid-stretching]', '[@narrative-2017] [#avoid-stretching]'));
		let result = await runCheck({ root });
		expect(result.findings.find((f) => f.rule === 'grade-discordant')?.message).toContain('resting only on narrative review');
		writeFileSync(file, text.replace("    rationale: Stretching the injured muscle", '    justification: Stretching an acute strain risks a complete tear, a severe and lasting harm.\n    rationale: Stretching the injured muscle'));
		result = await runCheck({ root });
		expect(result.findings.filter((f) => f.rule === 'grade-discordant')).toEqual([]);
	});

	test('graded table rows: a row is graded by its [#id] and judged like any statement', async () => {
		const root = project('grades');
		const file = join(root, PAGE);
		const text = readFileSync(file, 'utf8')
			.replace(
				'grades:\n',
				'grades:\n  table-walk:\n    strength: strong\n    direction: for\n    certainty: low\n    rationale: Walking first lets the tissue settle before loading.\n  table-jog:\n    strength: conditional\n    direction: for\n    certainty: high\n    rationale: Jogging on alternate days suits most runners.\n',
			)
			.concat('\n| Step | Action |\n| --- | --- |\n| 1 | Walk pain-free for a week [@opinion-2018] [#table-walk] |\n| 2 | Jog on alternate days [@smith-2020] [#table-jog] |\n');
		writeFileSync(file, text);
		const result = await runCheck({ root });
		const about = (id: string) => result.findings.filter((f) => f.subject?.claim === id).map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`);
		expect(about('table-walk')).toEqual([
			`grade-certainty-unsupported ${PAGE}:${lineOf(root, PAGE, '  table-walk:')} "table-walk" is rated low certainty, but its references (expert opinion) support at most very-low. Lower the certainty, cite stronger evidence, or write grades.table-walk.justification saying why it is rated up.`,
			`grade-discordant ${PAGE}:${lineOf(root, PAGE, '  table-walk:')} "table-walk" is a strong recommendation for resting only on expert opinion: GRADE calls this discordant. Make it conditional, cite stronger evidence, or write grades.table-walk.justification saying why it is strong anyway.`,
		]);
		expect(about('table-jog')).toEqual([]);
		expect((await buildIndex({ root })).pages.flatMap((p) => p.claims).filter((c) => c.id.startsWith('table-')).map((c) => c.kind)).toEqual(['table-row', 'table-row']);
		expect(result.findings.filter((f) => f.rule === 'grade-unknown-statement').map((f) => f.subject?.claim)).toEqual(['effusoin']);
	});

	test('id-duplicate: a statement cannot take the id of a grade explanation (<graded id>-grade)', async () => {
		const root = project('grades');
		const file = join(root, PAGE);
		writeFileSync(file, `${readFileSync(file, 'utf8')}\nKeep a training log. [@jones-2019] [#rest-two-weeks-grade]\n\nLog each effusion. [@jones-2019] [#effusion-grade]\n`);
		const result = await runCheck({ root });
		expect(result.findings.filter((f) => f.rule === 'id-duplicate').map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([
			`id-duplicate ${PAGE}:${lineOf(root, PAGE, '[#rest-two-weeks-grade]')} The claim id "rest-two-weeks-grade" is the id of the grade explanation of the graded statement "rest-two-weeks" (line ${lineOf(root, PAGE, '[#rest-two-weeks]')}).`,
		]);
	});

	test('review-due-soon and review-overdue, judged against an injected clock', async () => {
		const dueOn = new Date('2030-01-10T00:00:00Z');
		const soon = await findings('review-cycle', new Date(dueOn.getTime() - 40 * 86_400_000));
		const line = lineOf(soon.root, PAGE, 'nextReview:');
		expect(soon.list).toEqual([`review-due-soon ${PAGE}:${line} The next clinical review is due on 2030-01-10 (review.nextReview), in 40 days.`]);
		expect(exitCode(soon.result, false)).toBe(0);
		const late = await findings('review-cycle', new Date(dueOn.getTime() + 22 * 86_400_000));
		expect(late.list).toEqual([
			`review-overdue ${PAGE}:${line} The clinical review was due on 2030-01-10 (review.nextReview), 22 days ago: the page shows "Review overdue" until it is reviewed again.`,
		]);
		expect(late.result.findings.find((f) => f.rule === 'review-overdue')?.severity).toBe('warning');
		expect(exitCode(late.result, false)).toBe(0);
		const early = await findings('review-cycle', new Date(dueOn.getTime() - 400 * 86_400_000));
		expect(early.list).toEqual([]);
	});

	test('review.warnDaysBefore and review.intervalYears of content/settings.yaml decide the review cycle, to the day', async () => {
		// The case's settings: warn 30 days ahead; next review = lastReviewed (2020-01-10) + 10 years.
		const at = (iso: string) => findings('review-warn-days', new Date(iso));
		const line = lineOf(project('review-warn-days'), PAGE, 'lastReviewed:');
		const source = 'review.lastReviewed + 10 years';
		expect((await at('2029-12-10T12:00:00Z')).list).toEqual([]);
		expect((await at('2029-12-11T00:00:00Z')).list).toEqual([`review-due-soon ${PAGE}:${line} The next clinical review is due on 2030-01-10 (${source}), in 30 days.`]);
		expect((await at('2030-01-09T23:59:59Z')).list).toEqual([`review-due-soon ${PAGE}:${line} The next clinical review is due on 2030-01-10 (${source}), in 1 day.`]);
		expect((await at('2030-01-10T23:59:59Z')).list).toEqual([`review-due-soon ${PAGE}:${line} The next clinical review is due on 2030-01-10 (${source}), today.`]);
		const late = await at('2030-01-11T00:00:00Z');
		expect(late.list).toEqual([
			`review-overdue ${PAGE}:${line} The clinical review was due on 2030-01-10 (${source}), 1 day ago: the page shows "Review overdue" until it is reviewed again.`,
		]);
		expect(late.result.findings[0]?.subject).toEqual({ page: 'guidelines/knee/sample', field: 'review.lastReviewed' });
	});

	test('the review cycle is not checked on withdrawn pages', async () => {
		const root = project('review-cycle');
		const file = join(root, PAGE);
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('  status: approved', '  status: withdrawn\n  withdrawal: { date: 2025-01-01, reason: Replaced by a newer fixture guideline. }'),
		);
		const now = new Date('2030-02-01T00:00:00Z');
		const result = await runCheck({ root, now });
		expect(result.findings.filter((f) => f.rule.startsWith('review-') || f.rule === 'frontmatter-invalid')).toEqual([]);
		// The same page, approved, is overdue at that date.
		expect((await findings('review-cycle', now)).list.map((l) => l.split(' ')[0])).toEqual(['review-overdue']);
	});

	test('mdx-import: a page imports nothing', async () => {
		const { root, list } = await findings('mdx-import');
		expect(list).toEqual([`mdx-import ${PAGE}:${lineOf(root, PAGE, 'import fs')} "import fs from 'node:fs';": a page cannot import or export code (it would run when the site is built).`]);
	});

	test('mdx-expression: {code} is refused, a {/* comment */} is not', async () => {
		const { root, list } = await findings('mdx-expression');
		expect(list).toEqual([`mdx-expression ${PAGE}:${lineOf(root, PAGE, 'The file says')} {fs.readFileSync('/etc/passwd', 'utf8')} is code, not text: a page cannot compute what it shows.`]);
	});

	test('mdx-element-forbidden: uncited text in a raw <div> is refused', async () => {
		const { root, list } = await findings('mdx-element-forbidden');
		expect(list).toEqual([`mdx-element-forbidden ${PAGE}:${lineOf(root, PAGE, '<div>')} <div> is not allowed in a page: write the text as a paragraph (a blank line before and after).`]);
	});

	test('mdx-prop-forbidden: a value outside the allowed set and an event handler', async () => {
		const { root, list } = await findings('mdx-prop-forbidden');
		const line = lineOf(root, PAGE, '<Aside');
		expect(list).toEqual([
			`mdx-prop-forbidden ${PAGE}:${line} type="warning" on <Aside> is not one of "note", "tip", "caution", "danger".`,
			`mdx-prop-forbidden ${PAGE}:${line} onClick on <Aside> is an event handler (it runs script); pages cannot run script.`,
		]);
	});

	test('url-unsafe: a javascript: link', async () => {
		const { root, list } = await findings('url-unsafe');
		expect(list).toEqual([
			`url-unsafe ${PAGE}:${lineOf(root, PAGE, 'javascript:')} The link address "javascript:alert(1)" uses the javascript: scheme, which can run script or embed a document; link to an https:// address or a page path.`,
		]);
	});

	test('claim-uncited: a line ending with ":" is not exempt', async () => {
		const { root, list } = await findings('lead-in-colon');
		expect(list).toEqual([
			`claim-uncited ${PAGE}:${lineOf(root, PAGE, 'Take 800 mg')} This paragraph cites no reference: "Take 800 mg ibuprofen three times a day, then examine the…" (ending with ":" does not exempt it: cite it, or end it with [not-a-claim] if it only introduces what follows)`,
		]);
	});

	test('claim-uncited: a quotation is a claim and needs its source', async () => {
		const { root, list } = await findings('quotation-uncited');
		expect(list).toEqual([`claim-uncited ${PAGE}:${lineOf(root, PAGE, '> "Ice the knee')} This paragraph cites no reference: "\\"Ice the knee for 20 minutes,\\" an expert advised."`.replaceAll('\\"', '"')]);
	});

	test('not-a-claim-invalid: a [not-a-claim] line that states a number', async () => {
		const { root, list } = await findings('not-a-claim-invalid');
		const line = lineOf(root, PAGE, 'within 48 hours');
		expect(list).toEqual([
			`not-a-claim-invalid ${PAGE}:${line} This block is marked [not-a-claim] but states a number ("Examine the knee within 48 hours for:"): a number is a clinical statement, so cite it and remove [not-a-claim].`,
		]);
	});

	test('code-block-forbidden: clinical text in a code block', async () => {
		const { root, list } = await findings('code-block');
		expect(list).toEqual([`code-block-forbidden ${PAGE}:${lineOf(root, PAGE, '```text')} A code block (Take 800 mg ibuprofen three times a day.) is not allowed in a guideline: its text would be published without the claim check.`]);
	});

	test('protocol-number-mismatch: the statement a rule cites changed its numbers (10-14 → 7-9 days)', async () => {
		const { root, list } = await findings('protocol-number-drift');
		const file = 'content/protocols/sample.yaml';
		const claimLine = lineOf(root, PAGE, '[#protocol-numbers]');
		const message = (statement: string) =>
			`protocol-number-mismatch ${file}:${lineOf(root, file, 'range: [10, 14]')} gates.0.range: the range [10, 14] is not stated as a range (e.g. "10-14") by the statements this rule cites: "rest-two-weeks" (${PAGE}:${lineOf(root, PAGE, 'Rest for two weeks')}) says "Rest for two weeks."; "protocol-numbers" (${PAGE}:${claimLine}) says "${statement}…". The calculators would enforce a range the guideline does not give; change gates.0.range to the statement's range, or correct the statement at ${PAGE}:${lineOf(root, PAGE, 'Rest for two weeks')}.`;
		expect(list).toEqual([message('Return in steps: walk pain-free for 7-9 days, then run 30')]);
		// Both ends still appear ("adding 10% a step", "for 14 days"), but not as the range: still a mismatch.
		const scattered = await findings('protocol-range-scattered');
		expect(scattered.list).toEqual([message('Return in steps: walk pain-free for 14 days, then run 30-')]);
	});

	test('bottom-line-number-unsupported: a number in the bottom line that the body does not state', async () => {
		const { root, list } = await findings('bottom-line-number');
		expect(list).toEqual([
			`bottom-line-number-unsupported ${PAGE}:${lineOf(root, PAGE, 'bottomLine:')} The bottom line states 6 (in "6"), but no statement in the body of the page does: the bottom line must summarise the cited body, not add to it.`,
		]);
	});

	test('file-name-invalid and file-name-duplicate: Sample.mdx beside sample.mdx', async () => {
		const { result } = await findings('file-name');
		const names = result.findings.filter((f) => f.rule.startsWith('file-name')).map((f) => `${f.rule} ${f.file}:${f.line}`);
		expect(names).toEqual(['file-name-duplicate content/guidelines/knee/sample.mdx:1', 'file-name-invalid content/guidelines/knee/Sample.mdx:1']);
	});

	test('every claim-check rule in the catalogue is found by at least one fixture case above (permalink rules: permalinks.test.ts)', () => {
		expect(RULE_LIST.map((r) => r.id).filter((id) => !id.startsWith('permalink-') && !observed.has(id))).toEqual([]);
	});
});

describe('reporting', () => {
	test('a failing run: file:line:col, message, rule id, fix hint, per-rule summary', async () => {
		const { result } = await findings('uncited-claim');
		const text = formatText(result, { strict: false, color: false });
		const line = result.findings.find((f) => f.rule === 'claim-uncited')!.line;
		expect(text).toContain(`✘ ${PAGE}:${line}:1  This list item cites no reference: "Swelling that lasts more than a day"  [claim-uncited]`);
		expect(text).toContain('    fix: Add [@reference-key] for the reference that supports it, or, if the source gives none, declare an evidence gap (evidenceGaps) and cite it as [!gap-id]. Text that states nothing clinical (a line introducing a list) ends with [not-a-claim].');
		expect(text).toContain('✘ Claim check failed: 1 error (claim-uncited ×1).');
	});

	test('a clean run prints one line with the counts and names every exception', async () => {
		const { result } = await findings();
		expect(formatText(result, { strict: false, color: false })).toBe(
			'✔ Claim check passed: 1 page (1 guideline), 10 claims, 10 citations, 2 references, 1 exception (gap-one; see them with --strict).',
		);
	});

	test('GitHub annotations carry file, line, column and rule', async () => {
		const { result } = await findings('uncited-claim');
		const line = result.findings.find((f) => f.rule === 'claim-uncited')!.line;
		expect(formatGithub(result, false).split('\n')).toContain(
			`::error file=${PAGE},line=${line},col=1,title=claim-uncited::This list item cites no reference: "Swelling that lasts more than a day" Fix: Add [@reference-key] for the reference that supports it, or, if the source gives none, declare an evidence gap (evidenceGaps) and cite it as [!gap-id]. Text that states nothing clinical (a line introducing a list) ends with [not-a-claim].`,
		);
	});
});

describe('the command', () => {
	const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
		spawnSync(process.execPath, ['scripts/check-claims.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...env } });

	// The real content is tested only for what holds for any valid content (it passes; --strict
	// fails exactly when some statement is published with an evidence gap), never for its totals.
	test('the real content passes, and its summary agrees with the JSON findings', async () => {
		const r = run([]);
		expect(r.status, r.stdout).toBe(0);
		const json = JSON.parse(run(['--json']).stdout) as { stats: { pages: number; guidelines: number; exceptions: number } };
		expect(r.stdout).toContain(`✔ Claim check passed: ${json.stats.pages} page`);
		expect(json.stats.guidelines).toBeGreaterThan(0);
	});

	test('--strict fails exactly when a statement is published with an evidence gap', async () => {
		const json = JSON.parse(run(['--json']).stdout) as { stats: { exceptions: number } };
		const r = run(['--strict']);
		expect(r.status).toBe(json.stats.exceptions > 0 ? 1 : 0);
		if (json.stats.exceptions > 0) expect(r.stdout).toContain(`(exception ×${json.stats.exceptions})`);
		// And on a fixture that has one.
		expect(run(['--strict', '--root', project()]).status).toBe(1);
	});

	test('exit 1 and JSON findings for a broken corpus', async () => {
		const root = project('unknown-reference');
		const r = run(['--json', '--root', root]);
		expect(r.status).toBe(1);
		const json = JSON.parse(r.stdout);
		expect(json.ok).toBe(false);
		expect(json.findings.map((f: { rule: string }) => f.rule)).toContain('citation-unknown-reference');
	});

	test('bad usage exits 2 with the usage line', async () => {
		const r = run(['--nope']);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('Usage: npm run check -- [--strict] [--json] [--content <dir>]');
	});
});
