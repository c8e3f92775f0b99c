import type { Page } from 'playwright-core';

/** Chromium prints the paginated, decorated document; the page size comes from its @page rules. */
export async function renderPdf(page: Page): Promise<Uint8Array> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
}
