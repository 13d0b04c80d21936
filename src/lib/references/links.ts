/** Where a reference's identifiers resolve: the one place that writes DOI and PubMed addresses. */

/** The resolver address of a DOI (stored without the https://doi.org/ prefix). */
export const doiUrl = (doi: string) => `https://doi.org/${doi}`;
/** The PubMed page of a PMID. */
export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;

export interface ReferenceLink {
	/** What the link reaches: DOI, PubMed or the source's own address. */
	kind: 'doi' | 'pubmed' | 'url';
	href: string;
	/** The identifier as written (the address for a URL). */
	id: string;
}

/** A reference's links, in the order readers are offered them: DOI, PubMed, then the source's URL. */
export function referenceLinks(data: { DOI?: string | undefined; PMID?: string | undefined; URL?: string | undefined }): ReferenceLink[] {
	return [
		...(data.DOI ? [{ kind: 'doi' as const, href: doiUrl(data.DOI), id: data.DOI }] : []),
		...(data.PMID ? [{ kind: 'pubmed' as const, href: pubmedUrl(data.PMID), id: data.PMID }] : []),
		...(data.URL ? [{ kind: 'url' as const, href: data.URL, id: data.URL }] : []),
	];
}
