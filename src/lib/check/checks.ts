/**
 * The checks: each reads the index and returns findings. Independent of each other and of output.
 */
import { editorErrorMap } from '../zod-messages.ts';
import { didYouMean } from '../findings/suggest.ts';
import { GuidelineFrontmatterSchema } from '../../schemas/guideline.ts';
import { missingRequiredFields } from '../references/fields.ts';
import { finding, type Finding } from '../findings/finding.ts';
import { gradeAnchor, reservedReason } from '../content/anchors.ts';
import { pageGrades } from '../grading.ts';
import { statedValues, textStates, textStatesRange } from '../content/numbers.ts';
import type { ContentIndex, IndexedPage, PageDigest } from '../content/types.ts';
import type { SiteData } from '../content/load.ts';
import { fieldAt, unreadable } from '../content/pages.ts';
import { declaredGaps } from '../content/evidence-gaps.ts';
import { checkGrades, checkReviewCycle } from './trust.ts';
import { excerpt, mustCite } from './rules/must-cite.ts';
import { checkPageDates, checkReferenceDates } from './dates.ts';
import { SLUG } from '../../schemas/slug.ts';

/**
 * What the site-wide checks read: every page as its digest (citations, review dates), the full
 * summary of a page only on demand (a protocol's guideline), and the site data.
 */
export interface SiteView extends Omit<SiteData, 'loadFindings'> {
	pages: PageDigest[];
	/** The full summary of the page with this entry id. */
	page(id: string): IndexedPage | undefined;
}

const claimsOf = (page: IndexedPage) => page.claims;

const frontmatterErrors = editorErrorMap(GuidelineFrontmatterSchema);

/** Frontmatter against the schema, plus links the schema cannot see. */
export function checkFrontmatter(index: ContentIndex): Finding[] {
	const out: Finding[] = [];
	for (const page of index.pages) {
		const fm = page.frontmatter;
		const at = (path: string) => fieldAt(page, path);
		if (page.type === 'unknown') {
			// A page that could not be read is reported once, at its error; its frontmatter is unknown.
			if (unreadable(page)) continue;
			out.push(finding('frontmatter-invalid', page.file, at('type').line, at('type').column, 'type: set `type: guideline` for clinical pages or `type: page` for editorial pages.'));
			continue;
		}
		if (page.type !== 'guideline') continue;
		const result = GuidelineFrontmatterSchema.safeParse(fm, { error: frontmatterErrors });
		if (!result.success) {
			for (const issue of result.error.issues) {
				// An unknown key is reported at the key itself, not at its parent.
				const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
				const path = [...issue.path, ...keys.slice(0, 1)].join('.');
				// Gap reasons have their own rule, with its own wording.
				if (/^evidenceGaps\.\d+\.reason$/.test(path)) continue;
				const field = issue.path.join('.');
				out.push(finding('frontmatter-invalid', page.file, at(path).line, at(path).column, field ? `${field}: ${issue.message}` : `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}`, { field: path }));
			}
		}
		const topics = Array.isArray(fm.topics) ? fm.topics : [];
		topics.forEach((t, i) => {
			if (typeof t === 'string' && !index.topics.has(t)) {
				out.push(finding('frontmatter-unknown-link', page.file, at(`topics.${i}`).line, at(`topics.${i}`).column, `topics: "${t}" is not a topic in content/topics.yaml.${didYouMean(t, index.topics)} Known topics: ${[...index.topics].join(', ') || 'none'}.`));
			}
		});
		const folder = page.id.split('/')[1];
		if (typeof topics[0] === 'string' && folder && page.id.startsWith('guidelines/') && topics[0] !== folder) {
			out.push(finding('topic-folder-mismatch', page.file, at('topics.0').line, at('topics.0').column, `The first topic is "${topics[0]}" but the page is in content/guidelines/${folder}/.`));
		}
		const notice = (fm.source as { notice?: unknown } | undefined)?.notice;
		if (typeof notice === 'string' && !index.disclaimers.has(notice)) {
			out.push(finding('frontmatter-unknown-link', page.file, at('source.notice').line, at('source.notice').column, `source.notice: "${notice}" has no file content/disclaimers/${notice}.yaml.${didYouMean(notice, index.disclaimers)}`));
		}
		if (typeof fm.disclaimer === 'string' && !index.disclaimers.has(fm.disclaimer)) {
			out.push(finding('frontmatter-unknown-link', page.file, at('disclaimer').line, at('disclaimer').column, `disclaimer: "${fm.disclaimer}" has no file content/disclaimers/${fm.disclaimer}.yaml.`));
		}
	}
	return out;
}

/** Claims, citations, markers and ids on guideline pages. */
export function checkClaims(index: ContentIndex): Finding[] {
	const out: Finding[] = [];
	for (const page of index.pages) {
		for (const p of page.problems) {
			out.push(finding(p.rule ?? (p.misplaced ? 'marker-misplaced' : 'marker-malformed'), page.file, p.position.line, p.position.column, p.message));
		}
		if (page.type !== 'guideline') continue;
		// The rule that a statement must cite (rules/must-cite.ts).
		out.push(...mustCite(page, index));
		const gapIds = new Set(page.gaps.map((g) => g.id));
		// Ids: headings, claims and the fixed anchors share one namespace on the page.
		const seen = new Map<string, number>();
		const ids: { id: string; line: number; column: number; what: string; explicit: boolean }[] = [
			...page.headings.map((h) => ({ id: h.id, line: h.position.line, column: h.position.column, what: 'heading', explicit: h.explicit })),
			...claimsOf(page)
				.filter((c) => c.kind !== 'heading')
				.map((c) => ({ id: c.id, line: c.position.line, column: c.position.column, what: 'claim', explicit: c.explicit })),
		];
		// Ids the renderer generates from statement ids: the explanation of each graded statement's grade.
		const statementLines = new Map(ids.filter((i) => i.what === 'claim').map((i) => [i.id, i.line]));
		const generated = new Map<string, string>();
		for (const id of pageGrades(page.frontmatter).keys()) {
			const line = statementLines.get(id);
			if (line !== undefined) generated.set(gradeAnchor(id), `is the id of the grade explanation of the graded statement "${id}" (line ${line})`);
		}
		for (const item of ids) {
			const first = seen.get(item.id);
			const reserved = reservedReason(item.id) ?? generated.get(item.id);
			if (first !== undefined || reserved) {
				const why = first !== undefined ? `is already used on line ${first}` : reserved;
				out.push(
					finding(
						'id-duplicate',
						page.file,
						item.line,
						item.column,
						`The ${item.what} id "${item.id}"${item.explicit ? '' : ' (generated from its first words)'} ${why}.`,
					),
				);
			} else seen.set(item.id, item.line);
		}
		for (const h of page.headings) {
			if (!h.explicit && h.depth <= 3) {
				out.push(finding('heading-id-missing', page.file, h.position.line, h.position.column, `The heading "${h.text}" has no permanent id.`));
			}
		}
		// Evidence gaps: every one has a reason and is used; every use is an exception.
		const declared = declaredGaps(page.frontmatter);
		for (const { index: i, raw: gap } of declared) {
			const reason = typeof gap.reason === 'string' ? gap.reason.trim() : '';
			if (reason.length < 20) {
				const { line, column } = fieldAt(page, page.lines[`evidenceGaps.${i}.reason`] !== undefined ? `evidenceGaps.${i}.reason` : `evidenceGaps.${i}`);
				out.push(finding('gap-reason-missing', page.file, line, column, `The evidence gap "${String(gap.id ?? i)}" has ${reason ? 'too short a reason' : 'no reason'}: an exception to citing must say why.`));
			}
		}
		const used = new Set(claimsOf(page).flatMap((c) => c.cites.flatMap((x) => (x.type === 'gap' ? [x.id] : []))));
		for (const { index: i, id } of declared) {
			if (id !== undefined && !used.has(id)) {
				out.push(finding('gap-unused', page.file, fieldAt(page, `evidenceGaps.${i}`).line, fieldAt(page, `evidenceGaps.${i}`).column, `The evidence gap "${id}" is declared but no statement cites [!${id}].`));
			}
		}
		for (const claim of claimsOf(page)) {
			for (const cite of claim.cites) {
				if (cite.type !== 'gap' || !gapIds.has(cite.id)) continue;
				const gap = page.gaps.find((g) => g.id === cite.id)!;
				out.push(
					finding('exception', page.file, claim.position.line, claim.position.column, `${gap.kind === 'unresolved-citation' ? `Unresolved citation [${gap.label ?? '?'}]` : 'Unsupported statement'} (${cite.id}): ${excerpt(claim.text)}`, { page: page.id, claim: claim.id, gap: cite.id }),
				);
			}
		}
	}
	return out;
}

/** References: complete, and cited somewhere. */
export function checkReferences(index: SiteView): Finding[] {
	const out: Finding[] = [];
	const cited = new Set(index.pages.flatMap((p) => p.citedKeys));
	const anyUnreadable = index.pages.some((p) => p.unreadable);
	for (const [key, ref] of index.references) {
		const file = ref.file.startsWith(index.root) ? ref.file.slice(index.root.length + 1) : ref.file;
		for (const field of missingRequiredFields(ref.data)) {
			out.push(
				finding('reference-missing-field', file, ref.lines.type ?? 1, 1, `A reference of type ${ref.data.type} needs ${field.replace('|', ' or ')}; it is neither given nor listed under x-missing.`),
			);
		}
		// While a page cannot be read, its citations are unknown: "unused" would be a guess.
		if (!cited.has(key) && !anyUnreadable) out.push(finding('reference-unused', file, 1, 1, `The reference "${key}" is not cited by any page.`));
	}
	return out;
}

/** Protocol data: every rule's claim ids exist on its guideline. */
export function checkProtocols(index: SiteView): Finding[] {
	const out: Finding[] = [];
	const digests = new Map(index.pages.map((p) => [p.id, p]));
	for (const protocol of index.protocols) {
		const digest = protocol.guideline === undefined ? undefined : digests.get(protocol.guideline);
		const page = digest && !digest.unreadable ? index.page(digest.id) : undefined;
		if (!digest) {
			out.push(finding('protocol-invalid', protocol.file, protocol.guidelineLine, 1, `guideline: "${protocol.guideline ?? ''}" is not a page in content/.`));
			continue;
		}
		if (!page) continue;
		const ids = new Set(claimsOf(page).map((c) => c.id));
		for (const claim of protocol.claims) {
			if (!ids.has(claim.id)) {
				out.push(finding('protocol-claim-unknown', protocol.file, claim.line, claim.column, `The claim "${claim.id}" does not exist on ${page.file}.${didYouMean(claim.id, ids)}`));
			}
		}
		// Rule → claim by content, not only by id: every number of a rule is stated by a claim it cites.
		const byId = new Map(claimsOf(page).map((c) => [c.id, c]));
		for (const n of protocol.numbers) {
			const cited = n.claims.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
			const states = (text: string) => (n.range ? textStatesRange(text, n.range[0], n.range[1]) : textStates(text, n.value));
			if (cited.length === 0 || cited.some((c) => states(c.text))) continue;
			const first = cited[0]!;
			const where = cited.map((c) => `"${c.id}" (${page.file}:${c.position.line}) says ${excerpt(c.text)}`).join('; ');
			out.push(
				finding(
					'protocol-number-mismatch',
					protocol.file,
					n.line,
					n.column,
					n.range
						? `${n.path}: the range [${n.range[0]}, ${n.range[1]}] is not stated as a range (e.g. "${n.range[0]}-${n.range[1]}") by the ${cited.length === 1 ? 'statement' : 'statements'} this rule cites: ${where}. The calculators would enforce a range the guideline does not give; change ${n.path} to the statement's range, or correct the statement at ${page.file}:${first.position.line}.`
						: `${n.path}: ${n.value} is not stated by the ${cited.length === 1 ? 'statement' : 'statements'} this rule cites: ${where}. The calculators would enforce a number the guideline does not give; change ${n.path} to the statement's number, or correct the statement at ${page.file}:${first.position.line}.`,
				),
			);
		}
	}
	return out;
}

/** The bottom line summarises the body: every number it states is stated by a claim of the body. */
export function checkBottomLineNumbers(index: ContentIndex): Finding[] {
	const out: Finding[] = [];
	for (const page of index.pages) {
		if (page.type !== 'guideline' || unreadable(page)) continue;
		const bottom = claimsOf(page).find((c) => c.kind === 'bottom-line');
		if (!bottom) continue;
		const body = claimsOf(page).filter((c) => c.kind !== 'bottom-line');
		for (const { raw, value } of statedValues(bottom.text)) {
			if (body.some((c) => textStates(c.text, value))) continue;
			out.push(
				finding(
					'bottom-line-number-unsupported',
					page.file,
					bottom.position.line,
					bottom.position.column,
					`The bottom line states ${value} (in "${raw}"), but no statement in the body of the page does: the bottom line must summarise the cited body, not add to it.`,
				),
			);
		}
	}
	return out;
}

/**
 * Names a page gives that are not citations but must exist all the same: the references an
 * editorial note concerns, and the protocol an <Islands> element computes from.
 */
export function checkPageLinks(site: SiteView): Finding[] {
	const out: Finding[] = [];
	const keys = new Set([...site.referenceFiles, ...site.references.keys()]);
	const protocols = new Set(site.protocols.map((p) => p.file.split('/').at(-1)!.replace(/\.ya?ml$/, '')));
	for (const page of site.pages) {
		if (page.unreadable) continue;
		for (const n of page.noteKeys ?? []) {
			if (keys.has(n.key)) continue;
			out.push(finding('editorial-note-unknown-reference', page.file, n.line, n.column, `${n.field}: "${n.key}" is not a reference (no content/references/${n.key}.yaml).${didYouMean(n.key, keys)}`, { page: page.id, field: n.field, reference: n.key }));
		}
		for (const i of page.islands ?? []) {
			if (protocols.has(i.protocol)) continue;
			out.push(finding('islands-unknown-protocol', page.file, i.line, i.column, `<Islands protocol="${i.protocol}"> names a protocol that does not exist (no content/protocols/${i.protocol}.yaml): the calculators would have nothing to compute from.${didYouMean(i.protocol, protocols)}`, { page: page.id }));
		}
	}
	return out;
}

/** File names are the ids and the URLs: lower-case slugs, unique across the site whatever their case. */
export function checkFileNames(index: Pick<ContentIndex, 'root' | 'contentDir' | 'referenceFiles'> & { pages: readonly Pick<IndexedPage, 'file' | 'id'>[] }): Finding[] {
	const out: Finding[] = [];
	const files = [
		...index.pages.map((p) => ({ file: p.file, id: p.id })),
		...[...index.referenceFiles].map((key) => ({ file: `${posixRelative(index)}references/${key}.yaml`, id: `references/${key}` })),
	];
	const seen = new Map<string, string>();
	for (const { file, id } of files) {
		const name = file.split('/').at(-1)!.replace(/\.(mdx|md|ya?ml)$/, '');
		if (!SLUG.test(name)) {
			const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
			out.push(finding('file-name-invalid', file, 1, 1, `The file name "${name}" is not a lower-case slug; it becomes the page's address and id. Rename it to "${slug || 'a-lower-case-name'}".`));
		}
		const key = id.toLowerCase();
		const first = seen.get(key);
		if (first !== undefined) out.push(finding('file-name-duplicate', file, 1, 1, `${file} and ${first} differ only in letter case: on the site one would silently replace the other. Rename one.`));
		else seen.set(key, file);
	}
	return out;
}

const posixRelative = (index: Pick<ContentIndex, 'root' | 'contentDir'>) => {
	const rel = index.contentDir.startsWith(index.root) ? index.contentDir.slice(index.root.length).replace(/^[\\/]+/, '') : 'content';
	return rel ? `${rel.replace(/\\/g, '/').replace(/\/?$/, '/')}` : '';
};

/**
 * Checks whose findings about a page depend only on that page, the topics, disclaimers and
 * settings, and the references it cites (all reference keys when it cites one that does not
 * exist, for "did you mean"). `npm run check` caches their findings per page on exactly that
 * (src/lib/check/run.ts): a check that reads anything else of the site belongs in SITE_CHECKS.
 */
export const PAGE_CHECKS: readonly ((index: ContentIndex) => Finding[])[] = [checkFrontmatter, checkClaims, checkBottomLineNumbers, checkGrades, checkPageDates];

/** Checks across pages (or of the clock), run over every page's digest on every check. */
export const SITE_CHECKS: readonly ((site: SiteView) => Finding[])[] = [checkFileNames, checkReferences, checkReferenceDates, checkProtocols, checkPageLinks, checkReviewCycle];
