import type { Page } from 'playwright-core';

/**
 * Chromium prints the paginated, decorated document, tagged; the page size comes from its @page rules. The
 * merge stage carries each page's part of the structure tree into the PDF.
 */
export async function renderPdf(page: Page): Promise<Uint8Array> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
}
