/**
 * html-validate configuration for every built page. A TypeScript module rather than
 * `.htmlvalidate.json` because html-validate's JSON loader rejects comments, and every rule we
 * change must say why, next to it. Start: html-validate:recommended (the strictest preset).
 */
import type { ConfigData } from 'html-validate';

export const htmlValidateConfig: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		// Astro serialises void elements as `<meta/>`; both forms are valid HTML, the rule only
		// enforces one writing style.
		'void-style': 'off',
		// Starlight writes `style="--sl-icon-size: …"` custom properties on icons and sidebar entries
		// (markup we do not control). Valid HTML; the CSP allows inline styles (src/lib/csp/policy.ts).
		'no-inline-style': 'off',
		// Starlight's skip-link target is `id="_top"`. HTML allows any id without whitespace; relaxed
		// mode checks exactly that (and still catches empty or duplicate ids).
		'valid-id': ['error', { relaxed: true }],
		// Starlight's search, menu and dialog buttons have no `type` (markup we do not control). Not a
		// conformance error: outside a form a button submits nothing.
		'no-implicit-button-type': 'off',
		// Starlight renders an unlabelled right-sidebar `<aside>` and two "On this page" `<nav>`s
		// (mobile and desktop, only one displayed at any width). html-validate cannot see CSS; axe's
		// landmark rules check the rendered page in light and dark (tests/e2e/a11y.e2e.ts).
		'unique-landmark': 'off',
		// `role="list"` on our list-style-free card lists is deliberate: Safari/VoiceOver drops list
		// semantics from lists styled `list-style: none` unless the role is explicit.
		'no-redundant-role': 'off',
		// Guideline titles are clinical questions and often longer than 70 characters; that is a search
		// snippet length hint, not an HTML error.
		'long-title': 'off',
	},
};
