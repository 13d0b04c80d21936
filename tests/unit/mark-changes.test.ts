import { describe, expect, test } from 'vitest';
import { markChangedStatements } from '../../src/lib/diff/mark-changes.ts';

const statement = (id: string, text: string) =>
	`<li id="${id}" data-claim="list-item">${text}<sup class="citations"><a class="cite" href="#ref-a">1</a></sup> <a class="claim-permalink" href="#${id}" data-pagefind-ignore=""><span class="sr-only">Link to this statement</span></a></li>`;

describe('statements changed since the last review are marked on the page', () => {
	const body = `<ul>${statement('rest-days', 'Rest 10-14 days')}${statement('walk', 'Walk first')}${statement('rest-days-extra', 'Rest more')}</ul>`;

	test('a changed and an added statement get words (not colour alone) linking to the Changes section', () => {
		const html = markChangedStatements(body, [
			{ id: 'rest-days', kind: 'changed' },
			{ id: 'walk', kind: 'added' },
		]);
		expect(html).toContain('Rest 10-14 days<sup class="citations"><a class="cite" href="#ref-a">1</a></sup> <a class="since-review" href="#changes" data-pagefind-ignore="">Changed since the last review</a> <a class="claim-permalink" href="#rest-days"');
		expect(html).toContain('Walk first<sup class="citations"><a class="cite" href="#ref-a">1</a></sup> <a class="since-review" href="#changes" data-pagefind-ignore="">New since the last review</a> <a class="claim-permalink" href="#walk"');
		// An id that only starts like a changed one is not marked.
		expect(html.match(/since-review/g)).toHaveLength(2);
		expect(html).toContain(`Rest more<sup class="citations"><a class="cite" href="#ref-a">1</a></sup> <a class="claim-permalink" href="#rest-days-extra"`);
	});

	test('nothing changed, or a statement no longer on the page: the body is unchanged', () => {
		expect(markChangedStatements(body, [])).toBe(body);
		expect(markChangedStatements(body, [{ id: 'removed', kind: 'changed' }])).toBe(body);
	});
});
