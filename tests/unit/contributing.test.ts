import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { RULE_LIST } from '../../src/lib/findings/rules.ts';

test('CONTRIBUTING.md documents every claim-check rule with its severity', () => {
	const text = readFileSync(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8');
	const undocumented = RULE_LIST.filter((r) => !text.includes(`| \`${r.id}\` | ${r.severity === 'info' ? 'info' : r.severity}`)).map((r) => r.id);
	expect(undocumented).toEqual([]);
});
