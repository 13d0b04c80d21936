/**
 * The editor guide (content/editor-guide.md, published at /editor-guide/): every field of every
 * content file, generated from the schemas' `.describe()` texts by `npm run editor-guide`. A test
 * fails when a field has no description or the committed page differs from what this generates.
 */
import { z } from 'zod';
import { SLUG } from '../../schemas/slug.ts';
import { guidelineSchema } from '../../schemas/guideline.ts';
import { ReferenceSchema } from '../../schemas/reference.ts';
import { ProtocolSchema } from '../../schemas/protocol.ts';
import { TopicSchema } from '../../schemas/topic.ts';
import { DisclaimerSchema } from '../../schemas/disclaimer.ts';
import { SettingsSchema } from '../../schemas/settings.ts';
import { PageFrontmatterSchema } from '../../schemas/page.ts';
import { REQUIRED_FIELDS } from '../references/fields.ts';
import { schemaFields, type FieldDoc } from './fields.ts';
import { GUIDELINE_EXPORT_VERSION } from '../../schemas/guideline-export.ts';

/** The published JSON Schema of the guideline export (written by src/lib/export-files.ts). */
const SCHEMA = `/export/guideline-export.v${GUIDELINE_EXPORT_VERSION}.schema.json`;

const slug = z.string().regex(SLUG);

/**
 * Starlight's own frontmatter fields that our pages use. Starlight's schema has no descriptions for
 * editors, so these are written here (the only hand-written rows).
 */
const STARLIGHT_FIELDS: FieldDoc[] = [
	{ path: 'description', type: 'text', required: false, description: 'One or two sentences for search engines and link previews (the <meta name="description">), e.g. the bottom line in plain words.' },
	{ path: 'sidebar.label', type: 'text', required: false, description: 'A shorter name for the page in the sidebar, e.g. "Sudden medial thigh/knee pain in a runner"; the title is used when absent.' },
];

export interface GuideSection {
	heading: string;
	id: string;
	file: string;
	schemaFile: string;
	intro: string;
	fields: FieldDoc[];
}

export function guideSections(): GuideSection[] {
	return [
		{
			heading: 'Guideline pages',
			id: 'guideline-fields',
			file: 'content/guidelines/<topic>/<slug>.mdx',
			schemaFile: 'src/schemas/guideline.ts',
			intro: `The frontmatter between the \`---\` lines at the top of a guideline. The body below it holds the statements, each citing \`[@reference-key]\`. Each published guideline is also exported for citation managers (\`/export/<id>.bib\`, \`.ris\`, \`.csl.json\`) and for teaching tools (\`/export/<id>.json\`, in the format of the published JSON Schema [${SCHEMA}](${SCHEMA})); they are cited with the date of the page's last change (git, else the newest \`changelog\` or \`review.lastReviewed\` date).`,
			fields: [...schemaFields(guidelineSchema({ topic: slug, disclaimer: slug })), ...STARLIGHT_FIELDS],
		},
		{
			heading: 'References',
			id: 'reference-fields',
			file: 'content/references/<key>.yaml',
			schemaFile: 'src/schemas/reference.ts',
			intro: 'One file per reference, in CSL-YAML (what Zotero and Pandoc read) plus our `x-` fields. `npm run ref:add -- export.bib` writes these files from a BibTeX, RIS or CSL-JSON export.',
			fields: schemaFields(ReferenceSchema),
		},
		{
			heading: 'Protocols',
			id: 'protocol-fields',
			file: 'content/protocols/<id>.yaml',
			schemaFile: 'src/schemas/protocol.ts',
			intro: 'The numbers the calculators compute from. Every rule lists the statement ids (`claims`) it comes from; values the guideline does not give are assumptions with a reason.',
			fields: schemaFields(ProtocolSchema),
		},
		{
			heading: 'Topics',
			id: 'topic-fields',
			file: 'content/topics.yaml (a list of these)',
			schemaFile: 'src/schemas/topic.ts',
			intro: 'Topics group guidelines in the sidebar and on the home page; a guideline sits in the folder of its first topic.',
			fields: schemaFields(TopicSchema),
		},
		{
			heading: 'Disclaimers',
			id: 'disclaimer-fields',
			file: 'content/disclaimers/<id>.yaml',
			schemaFile: 'src/schemas/disclaimer.ts',
			intro: 'Disclaimers a guideline names with `disclaimer: <id>`.',
			fields: schemaFields(DisclaimerSchema),
		},
		{
			heading: 'Editorial settings',
			id: 'settings-fields',
			file: 'content/settings.yaml',
			schemaFile: 'src/schemas/settings.ts',
			intro: 'Settings for the whole handbook; every one has a default.',
			fields: schemaFields(SettingsSchema),
		},
		{
			heading: 'Editorial pages',
			id: 'page-fields',
			file: 'content/*.mdx (home page, editorial policy, this guide)',
			schemaFile: 'src/schemas/page.ts',
			intro: 'Pages without clinical statements. They also take `title` and `description`.',
			fields: schemaFields(PageFrontmatterSchema),
		},
	];
}

/** Fields whose schema gives no description (the test lists them). */
export function undocumentedFields(): string[] {
	return guideSections().flatMap((s) => s.fields.filter((f) => !f.description?.trim()).map((f) => `${s.schemaFile}: ${f.path}`));
}

/** Text safe inline in Markdown. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n+/g, ' ').trim();
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** The example an editor can copy: the "e.g. …" of the description, when it gives one. */
function example(f: FieldDoc): string {
	const m = /\be\.g\.,?\s+(.+?)(?:\.\s|\.$|;|\)$|$)/.exec(f.description ?? '');
	if (m) return cell(m[1]!.replace(/\)$/, ''));
	if (f.type.startsWith('date')) return code('2026-02-02');
	if (f.values?.length) return code(f.type.startsWith('list') ? `[${f.values[0]}]` : f.values[0]!);
	return '';
}

/**
 * One list item per field (not a table: six columns of long field paths do not fit a phone, and a
 * scrolling table is a keyboard trap), e.g.
 * - `review.status` (**required**; one of `draft`, `submitted`): draft (not published) … Example: `draft`.
 */
function fieldList(fields: FieldDoc[]): string[] {
	return fields.map((f) => {
		const required = f.required ? '**required**' : f.default !== undefined ? `optional, default ${code(f.default)}` : 'optional';
		const values = f.values ? `; ${f.type === 'fixed value' ? 'exactly' : f.type.startsWith('list') ? 'a list of' : 'one of'} ${f.values.map(code).join(', ')}` : `; ${cell(f.type)}`;
		const ex = example(f);
		return `- ${code(f.path)} (${required}${values}): ${cell(f.description ?? '')}${ex && !(f.description ?? '').includes('e.g.') ? ` Example: ${ex}.` : ''}`;
	});
}

function referenceTypes(): string[] {
	const needs = (spec: readonly string[]) => spec.map((s) => s.split('|').map(code).join(' or ')).join(', ');
	return [
		'## Which fields each reference type needs',
		'',
		'The check (`reference-missing-field`) requires these for each `type`. A field the publication really does not give goes under `x-missing.fields` with a `reason` instead: never invent one.',
		'',
		...Object.entries(REQUIRED_FIELDS).map(([type, spec]) => `- ${code(type)}, ${TYPE_USE[type] ?? ''}: needs ${needs(spec)}.`),
		'',
		'A journal article should also carry `volume`, `page`, `DOI` and `PMID` when the journal gives them; `npm run ref:add` lists the ones its import lacked under `x-missing`.',
		'',
		'## Authors and "et al."',
		'',
		'List **every** author, in the published order, as `family` + `given` (or `literal` for an organisation). A reference with one author reads as a sole-author work, so never shorten the list yourself.',
		'',
		'When your source gives only "Smith J, et al." and you cannot yet check the full list (PubMed or the journal page gives it), record what you have and say so, so the entry is not mistaken for a complete one:',
		'',
		'- `author:` the authors the source gives, e.g. `[{ family: Smith, given: J }]`;',
		'- `x-missing:` `{ fields: [author], reason: The source lists only the first author (Smith J, et al.); add the full author list from the publication. }`',
		'',
		'The reference list then tells readers that the author details are incomplete (it names the fields listed under `x-missing`). Replace it with the full list (and remove `author` from `x-missing`) once checked; `npm run ref:add` imports full author lists from Zotero, EndNote or Mendeley exports.',
		'',
	];
}

const TYPE_USE: Record<string, string> = {
	'article-journal': 'a journal article',
	report: 'a guideline or report from an organisation',
	book: 'a whole book',
	chapter: 'a chapter in an edited book',
	webpage: 'online-only material',
	document: 'anything else',
};

export function editorGuideMarkdown(): string {
	const sections = guideSections();
	const out = [
		'---',
		'type: page',
		'title: Editor guide',
		'description: Every field of every content file (guidelines, references, protocols, topics, disclaimers, settings), with its type, whether it is required, the allowed values and an example.',
		'---',
		'',
		'Every field an editor can write, generated from the schemas the build validates against (`src/schemas/`) by `npm run editor-guide`, so it is always complete and current: to change a text here, change the schema’s description and run that command. How to add a guideline, a statement, a reference or a protocol rule step by step is in CONTRIBUTING.md; `npm run check` says exactly which field is wrong and how to fix it.',
		'',
		...sections.flatMap((s) => [`## ${s.heading}`, '', `File: ${code(s.file)}. Schema: ${code(s.schemaFile)}.`, '', s.intro, '', ...fieldList(s.fields), '']),
		...referenceTypes(),
	];
	return `${out.join('\n').trimEnd()}\n`;
}
