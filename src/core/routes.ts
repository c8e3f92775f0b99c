/**
 * The site's address scheme, each address in one place: the model computes every page's URL from these once,
 * and pages, checks and the manifest read what it computed.
 */
export const issueUrl = (issueId: string) => `/${issueId}/`;
export const articleUrl = (issueId: string, slug: string) => `/${issueId}/${slug}/`;
export const sectionUrl = (sectionId: string) => `/section/${sectionId}/`;
/** Where an issue's PDF is, relative to the output folder (with a leading slash, its URL). */
export const pdfFile = (issueId: string) => `pdf/${issueId}.pdf`;
export const pdfUrl = (issueId: string) => `/${pdfFile(issueId)}`;
/** The print shop's files of an issue, beside the readers' PDF: with bleed and crop marks, and that made CMYK. */
export const printShopFile = (issueId: string, which: 'print' | 'cmyk') => `pdf/${issueId}.${which}.pdf`;
/** The issue's print document, which paginates itself in a browser. */
export const printDocumentUrl = (issueId: string) => `/print/${issueId}/`;
export const PRINT_PREFIX = '/print/';
export const SEARCH_URL = '/search/';
/** The Chinese words of the search index, with which the search page cuts queries. */
export const SEARCH_WORDS_URL = '/search/words.json';
export const FEED_URL = '/rss.xml';
export const SITEMAP_URL = '/sitemap-index.xml';
/** The HTML id of an article in its issue's print document. */
export const articleAnchor = (slug: string) => `article-${slug}`;
