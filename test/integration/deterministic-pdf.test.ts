import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/print/chromium.ts';
import { finishPdf } from '../../src/print/stages/finish.ts';
import { renderPdf } from '../../src/print/stages/render.ts';

const meta = {
  title: '样本',
  author: '样本社',
  subject: '样本',
  keywords: [],
  language: 'zh-CN',
  date: new Date('2026-05-01'),
};
const HTML =
  '<html lang="zh-CN"><body><table><thead><tr><th>项目</th><th>数值</th></tr></thead><tbody><tr><td>甲</td><td>1</td></tr></tbody></table></body></html>';

describe('the same document', () => {
  it('gives the same bytes however many documents the browser printed before it', async () => {
    const browser = await launchBrowser();
    try {
      // One tab, as the build prints one issue after another: the second document's nodes get later ids.
      const page = await browser.newPage();
      const print = async () => {
        await page.setContent(HTML);
        return renderPdf(page);
      };
      const [first, second] = [await print(), await print()];
      // Chromium's own output differs: its tagged-PDF ids come from a counter of the whole browser.
      const ids = async (pdf: Uint8Array) => {
        const doc = await PDFDocument.load(pdf);
        return [...doc.context.enumerateIndirectObjects()]
          .map(([, o]) => o.toString())
          .join('')
          .match(/node\d+/g);
      };
      expect(await ids(first)).not.toEqual(await ids(second));
      const [a, b] = [await finishPdf(first, meta, []), await finishPdf(second, meta, [])];
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
