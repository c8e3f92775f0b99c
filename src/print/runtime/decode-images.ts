/**
 * Loads and decodes images before they are laid out, and gives each its own aspect ratio (the markup gives a
 * width only): a copy laid out before it has loaded (Paged.js lays out copies, and a figure is tried on the page
 * before it is placed: handlers.ts) then takes its real height instead of none. Paged.js would wait forever for a
 * lazy image off screen.
 */
export async function decodeImages(images: HTMLImageElement[]): Promise<void> {
  await Promise.all(
    images.map(async (img) => {
      img.loading = 'eager';
      try {
        await img.decode();
      } catch {
        throw new Error(`image ${img.currentSrc || img.src} could not be loaded`);
      }
      // An SVG without a size of its own has none to give.
      if (img.naturalWidth && img.naturalHeight) img.style.aspectRatio = `${img.naturalWidth} / ${img.naturalHeight}`;
    }),
  );
}
