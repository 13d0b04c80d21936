/** Evidence gaps parsed once (src/lib/content/evidence-gaps.ts): what the page shows and what the check knows. */
import { describe, expect, test } from 'vitest';
import { declaredGaps, gapsById, publishedGaps } from '../../src/lib/content/evidence-gaps.ts';

const valid = { id: 'source-ref-8', kind: 'unresolved-citation', label: '8', reason: 'The source cites [8] but its list ends at 7.' };
const noReason = { id: 'no-reason', kind: 'unsupported-statement' };
const noId = { kind: 'unsupported-statement', reason: 'A reason long enough to be a reason.' };
const frontmatter = { evidenceGaps: [valid, noReason, noId, 'not an entry', null] };

describe('evidence gaps', () => {
	test('every entry is declared, in order, with its position, its id when it names one, and the valid entry', () => {
		const gaps = declaredGaps(frontmatter);
		expect(gaps.map((g) => [g.index, g.id, g.valid?.id])).toEqual([
			[0, 'source-ref-8', 'source-ref-8'],
			[1, 'no-reason', undefined],
			[2, undefined, undefined],
			[3, undefined, undefined],
			[4, undefined, undefined],
		]);
		expect(gaps[1]!.raw).toEqual(noReason);
		expect(gaps[3]!.raw).toEqual({});
	});

	test('the page publishes only valid gaps, as the schema outputs them (reason trimmed)', () => {
		expect(publishedGaps({ evidenceGaps: [{ ...valid, reason: `  ${valid.reason}  ` }, noReason, noId] })).toEqual([valid]);
	});

	test('the check knows a gap by id even when the entry is invalid, so a citation of it is not "undeclared" too', () => {
		expect(gapsById(frontmatter).map((g) => g.id)).toEqual(['source-ref-8', 'no-reason']);
	});

	test('no field, or a field that is not a list, declares nothing', () => {
		expect(declaredGaps({})).toEqual([]);
		expect(declaredGaps({ evidenceGaps: 'source-ref-8' })).toEqual([]);
		expect(publishedGaps({ evidenceGaps: { id: 'x' } })).toEqual([]);
	});
});
