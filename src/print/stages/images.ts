import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { Issue, Model } from '../../core/model.ts';
import { MIN_PPI, planImage } from '../image-plan.ts';
import { kindOf } from '../../kinds/index.ts';
import { issueImagePaths, type PublicationKind } from '../../kinds/kind.ts';
import type { PlacedImage } from '../layout.ts';
import { CLASS, DATA, dataAttribute } from '../runtime/contract.ts';

/**
 * After pagination, every image is replaced by one that sharp made from the source file for the box it fills:
 * 300 ppi at its printed size (never enlarged, capped), 8-bit sRGB, PNG for line art and transparency, JPEG for
 * photographs; the source is found by the path the article gave it (`data-source`), its size read from the file. The box is fixed first, so nothing moves. Images below 150 ppi are reported.
 */
export async function prepareImages(
  page: Page,
  model: Model,
  issue: Issue,
  images: PlacedImage[],
  outDir: string,
  urlDir: string,
  /** Transparency flattened onto white (print-shop files): PDF/X-3 allows none, and Ghostscript would make the page an image. */
  flattenAlpha = false,
): Promise<string[]> {
  const warnings: string[] = [];
  const kind = kindOf(model.publication);
  const swaps: { key: string; src: string; width: number; height: number }[] = [];
  await fs.mkdir(outDir, { recursive: true });
  for (const image of images) {
    const source = sourceOf(issue, image, kind);
    if (!source) continue;
    const file = path.join(model.root, source);
    const where = issue.articles.find((a) => a.anchor === image.owner)?.file ?? `issues/${issue.id}/issue.yaml`;
    const name = `${image.owner}-${image.index}`;
    let prepared: { ext: string; data: Buffer };
    try {
      const input = sharp(file).autoOrient();
      const meta = await input.metadata();
      const natural = { width: meta.autoOrient.width, height: meta.autoOrient.height };
      const plan = planImage(image.box, natural);
      if (plan.ppi < MIN_PPI) {
        warnings.push(
          `${where}: image ${path.basename(source)} prints at ${plan.ppi} ppi (${plan.mm.width}×${plan.mm.height} mm on PDF page ` +
            `${image.pdfPage}); give it ${Math.ceil((plan.mm.width / 25.4) * 300)} px wide for 300 ppi`,
        );
      }
      const sized = input.resize({ width: plan.width, withoutEnlargement: true }).toColourspace('srgb');
      const resized = flattenAlpha && meta.hasAlpha ? sized.flatten({ background: '#ffffff' }) : sized;
      const lineArt = meta.hasAlpha || meta.format === 'png' || meta.format === 'gif';
      prepared = lineArt
        ? { ext: 'png', data: await resized.png({ compressionLevel: 9 }).toBuffer() }
        : { ext: 'jpg', data: await resized.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer() };
    } catch (error) {
      throw new Error(`${where}: image ${source} cannot be read: ${(error as Error).message}`);
    }
    await fs.writeFile(path.join(outDir, `${name}.${prepared.ext}`), prepared.data);
    swaps.push({ key: `${image.owner}#${image.index}`, src: `${urlDir}/${name}.${prepared.ext}`, ...image.box });
  }
  await page.evaluate(
    async ({ swaps: list, attribute, fullBleed }) => {
      await Promise.all(
        list.map(async ({ key, src, width, height }) => {
          const img = document.querySelector<HTMLImageElement>(`img[${attribute}="${key}"]`)!;
          // An image of a block that fills its page keeps the block's size, which grows by the bleed once the
          // pages are final; every other one is fixed to the box it was laid out in.
          if (!img.closest(`.${fullBleed}`)) {
            img.style.width = `${width}px`;
            img.style.height = `${height}px`;
          }
          img.removeAttribute('srcset');
          // The web's AVIF <source> would win over the print image.
          for (const source of img.closest('picture')?.querySelectorAll('source') ?? []) source.remove();
          img.src = src;
          await img.decode();
        }),
      );
    },
    { swaps, attribute: dataAttribute(DATA.placedImage), fullBleed: CLASS.fullBleed },
  );
  return warnings;
}

/** The source file of a placed image, relative to the publication root. */
function sourceOf(issue: Issue, image: PlacedImage, kind: PublicationKind): string | undefined {
  const { owner } = image;
  const own = issueImagePaths(kind, issue.meta)[owner];
  if (own) return path.join('issues', issue.id, own);
  const article = issue.articles.find((a) => a.anchor === owner);
  return article && image.source ? path.join(path.dirname(article.file), decodeURI(image.source)) : undefined;
}
