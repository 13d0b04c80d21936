/**
 * Ids, keys, topics and file names: lower-case letters and digits, words joined by single hyphens
 * ("source-ref-8"). The one definition; schemas, the marker scanner and scripts import it.
 */
export const SLUG_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG = new RegExp(`^${SLUG_SOURCE}$`);
