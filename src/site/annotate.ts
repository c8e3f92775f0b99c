import type { BuildManifest } from '../core/manifest.ts';

/**
 * The site is built before the PDFs, so what only the PDFs know (an issue's page count and file size, the page
 * an article starts on in print) is filled in afterwards into the empty elements the pages leave for it:
 * `<span data-print-page="<article id>">` and `<span data-pdf-info="<issue id>">`; a link to the PDF with
 * `data-pdf-page="<article id>"` opens it at the article's page (`#page=N`, the PDF's own page number).
 */
export function annotateHtml(
  html: string,
  manifest: BuildManifest,
  printPlace: (folio: number) => string = (folio) => `印刷版第${folio}页`,
): string {
  // An outdated PDF's pages are those of an older text: no page is promised for its articles.
  const articles = new Map(manifest.issues.filter((i) => !i.outdated).flatMap((i) => i.articles.map((a) => [a.id, a])));
  const issues = new Map(manifest.issues.map((i) => [i.id, i]));
  return html
    .replace(/(<span[^>]*data-print-page="([^"]+)"[^>]*>)<\/span>/g, (all, open: string, id: string) => {
      const folio = articles.get(id)?.folio;
      return folio ? `${open}${printPlace(Number(folio))}</span>` : all;
    })
    .replace(/(<span[^>]*data-pdf-info="([^"]+)"[^>]*>)<\/span>/g, (all, open: string, id: string) => {
      const issue = issues.get(id);
      if (!issue?.pages || !issue.bytes) return all;
      return `${open}${issue.pages}页，${(issue.bytes / 1024 / 1024).toFixed(1)} MB</span>`;
    })
    .replace(/<a[^>]*data-pdf-page="([^"]+)"[^>]*>/g, (tag, id: string) => {
      const page = articles.get(id)?.pdfPage;
      return page ? tag.replace(/\shref="([^"#]*)"/, ` href="$1#page=${page}"`) : tag;
    });
}

/**
 * Astro fills the AVIF <source> of an article's <picture> (rehype-picture) with the attributes of an <img>; a
 * <source> takes only type, srcset, sizes, width and height, and browsers flag an `src` on it as an error.
 */
export function tidyPictureSources(html: string): string {
  return html.replace(/<source type="image\/avif"[^>]*>/g, (tag) =>
    tag.replace(/\s(?!(?:type|srcset|sizes|width|height)=)[\w-]+(?:="[^"]*")?(?=[\s>])/g, ''),
  );
}

/**
 * A print document holds every article of its issue, and each article's headings have ids of their own: two
 * articles with a heading 三、申报程序 give two elements one id. A heading whose id is taken (by an earlier
 * heading, or by any other element: the articles' own anchors stay as they are) gets `-2`, `-3`, as within an
 * article.
 */
export function uniqueIds(html: string): string {
  const TAG_ID = /(<([a-zA-Z][\w-]*)[^<>]*?\sid=")([^"]+)(")/g;
  const heading = (tag: string) => /^h[1-6]$/i.test(tag);
  const taken = new Set([...html.matchAll(TAG_ID)].filter((m) => !heading(m[2]!)).map((m) => m[3]!));
  const seen = new Map<string, number>();
  return html.replace(TAG_ID, (all, open: string, tag: string, id: string, close: string) => {
    if (!heading(tag)) return all;
    let k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    if (k === 1 && !taken.has(id)) return all;
    let unique = `${id}-${Math.max(k, 2)}`;
    while (seen.has(unique) || taken.has(unique)) unique = `${id}-${++k}`;
    seen.set(id, k);
    seen.set(unique, 1);
    return `${open}${unique}${close}`;
  });
}
