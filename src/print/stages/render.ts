import type { Page } from 'playwright-core';

/**
 * Chromium prints the paginated, decorated document; the page size comes from its @page rules. A run's PDF is
 * not tagged: its pages are merged into the issue's, and pdf-lib copies pages without their structure tree.
 */
export async function renderPdf(page: Page, { tagged = true } = {}): Promise<Uint8Array> {
  return page.pdf({ preferCSSPageSize: true, printBackground: true, tagged });
}
