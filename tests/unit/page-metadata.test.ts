/** Page metadata rules on fixtures: review claims only when a review happened, safe JSON-LD, Highwire dates. */
import { describe, expect, test } from 'vitest';
import { guidelineHead, highwireTags, medicalWebPage, scriptJson, type GuidelineMetadata } from '../../src/lib/page-metadata.ts';
import { pageDates } from '../../src/lib/page-dates.ts';

const base: GuidelineMetadata = {
	url: 'https://h.example/guidelines/knee/x/',
	site: 'https://h.example/',
	title: 'What is it </script><script>alert(1)</script>?',
	abstract: 'Rest.',
	dates: pageDates({ changelog: [{ date: '2026-01-05' }, { date: '2026-03-01' }] }),
	review: { status: 'submitted', reviewers: [] },
	audience: ['clinicians', 'patients'],
	references: [],
};

describe('MedicalWebPage JSON-LD', () => {
	test('states no review when none happened', () => {
		const ld = medicalWebPage(base);
		expect(ld).not.toHaveProperty('lastReviewed');
		expect(ld).not.toHaveProperty('reviewedBy');
		expect(ld).toMatchObject({ creativeWorkStatus: 'Submitted, awaiting clinical review', datePublished: '2026-01-05', dateModified: '2026-03-01' });
		expect(ld.audience).toEqual([{ '@type': 'MedicalAudience', audienceType: 'Clinician' }, { '@type': 'Patient' }]);
	});

	test('names the reviewers and the date when a review happened', () => {
		const reviewed = new Date('2026-02-20');
		const ld = medicalWebPage({ ...base, review: { status: 'approved', reviewers: [{ name: 'Dr Jane Smith', role: 'Sports physician' }], lastReviewed: reviewed } });
		expect(ld).toMatchObject({ lastReviewed: '2026-02-20', reviewedBy: [{ '@type': 'Person', name: 'Dr Jane Smith', jobTitle: 'Sports physician' }] });
	});

	test('cannot close its <script> element, whatever the title says', () => {
		const script = guidelineHead(base).find((e) => e.tag === 'script')!;
		expect(script.content).not.toContain('<');
		expect(JSON.parse(script.content!)).toMatchObject({ name: base.title });
		expect(scriptJson('\u2028</')).toBe('"\\u2028\\u003c/"');
	});
});

test('Highwire dates are YYYY/MM/DD, and an undated page has no date tag rather than the build date', () => {
	expect(highwireTags(base)).toContainEqual(['citation_publication_date', '2026/03/01']);
	const undated = highwireTags({ ...base, dates: pageDates({}) });
	expect(undated.map(([name]) => name)).not.toContain('citation_publication_date');
});
