/**
 * A YAML syntax error as an editor can act on it: the first error only (the parser's later errors,
 * and every check of the data it could not read, follow from it), at its line and column, with
 * what to change. Used for frontmatter and for every YAML data file.
 */
import type { Document, LineCounter, YAMLError } from 'yaml';

export interface YamlSyntaxProblem {
	line: number;
	column: number;
	/** The parser's reason in words, then how to fix it; no trailing "at line …" (the finding says where). */
	message: string;
}

/** What each of the parser's error codes usually means in an editor's words, and the fix. */
const EXPLAINED: Partial<Record<YAMLError['code'], string>> = {
	BLOCK_AS_IMPLICIT_KEY:
		'this value contains ": ", which YAML reads as the start of another field. Put the whole value in quotes, e.g. title: "Knee pain: what now?"; or, if the next line is a field of its own, indent it exactly like the fields around it',
	MULTILINE_IMPLICIT_KEY: 'a field name must be on one line, followed by ": ". If the value contains ": ", put the whole value in quotes; if the next line is a field of its own, indent it like the fields around it',
	TAB_AS_INDENT: 'a tab is used for indentation. Indent with spaces, never tabs',
	DUPLICATE_KEY: 'this field is written twice in the same group. Keep one',
	BAD_INDENT: 'this line is not indented like the ones it belongs with. Fields (and list items "- …") of one group must start at the same column: use the same number of spaces',
	BAD_SCALAR_START:
		'a value cannot start with @, `, [, {, *, & or ! unless it is in quotes. Put the whole value in quotes, e.g. bottomLine: "[@smith-2020] Rest for two weeks."',
	MISSING_CHAR: 'something opened here is not closed. Check that every quote (" or \') and every [ or { on this line and the lines before it is closed, and that every field name is followed by ": "',
	UNEXPECTED_TOKEN: 'YAML did not expect this here. A value containing ": " or " #", or starting with [ or {, must be in quotes; check this line and the one before it',
	MULTIPLE_DOCS: 'there is a second "---". Only one block of fields is allowed: remove the extra "---"',
	BLOCK_IN_FLOW: 'a list written in [ … ] must be closed on the same line with "]", or be written as lines starting with "- "',
	TAG_RESOLVE_FAILED: 'a value starts with "!". Put the value in quotes',
	BAD_ALIAS: 'a value starts with "*". Put the value in quotes',
};

/** The parser's own words (for an error we have no explanation of), without position suffix and excerpt. */
function parserReason(error: YAMLError): string {
	return (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '').replace(/[.:]\s*$/, '');
}

/** The first syntax error of a parsed document, located and explained; undefined when there is none. */
export function yamlSyntaxProblem(doc: Document, counter: LineCounter): YamlSyntaxProblem | undefined {
	const first = doc.errors[0];
	if (!first) return undefined;
	const { line, col } = counter.linePos(first.pos[0]);
	const explained = EXPLAINED[first.code];
	return { line, column: col, message: explained ? `${explained}.` : `${parserReason(first)}. Check quotes, colons and indentation on this line and the one before it.` };
}
