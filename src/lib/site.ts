/** The site's name: Starlight's `title` (astro.config.mjs), the suffix of every page's `<title>`. */
export const SITE_TITLE = 'Evidence Handbook';
