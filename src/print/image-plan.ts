/** Print resolution of images: what a box on the page needs, and what an image gives it. */
export const PRINT_PPI = 300;
/** Below this an image prints visibly soft: the editor is told. */
export const MIN_PPI = 150;
/** No image is prepared larger than this on its long side, whatever its box: the PDF stays a reasonable size. */
export const MAX_PIXELS = 5000;

const CSS_PX_PER_INCH = 96;

export interface ImagePlan {
  /** The resolution the image has at its printed size. */
  ppi: number;
  /** The width in pixels to prepare it at: the box at 300 ppi, never more than the image has. */
  width: number;
  /** Printed size in millimetres, for messages. */
  mm: { width: number; height: number };
}

/**
 * `natural` is the source file's size. An image cropped to fill its box (object-fit: cover) is as sharp as its
 * more stretched side: the resolution is the lower of the two, and the prepared width serves both sides.
 */
export function planImage(
  box: { width: number; height: number },
  natural: { width: number; height: number },
): ImagePlan {
  const inches = { width: box.width / CSS_PX_PER_INCH, height: box.height / CSS_PX_PER_INCH };
  const ppi = Math.min(natural.width / inches.width, natural.height / inches.height);
  const scale = Math.max((inches.width * PRINT_PPI) / natural.width, (inches.height * PRINT_PPI) / natural.height);
  const wanted = Math.ceil(natural.width * scale);
  const cap = natural.width >= natural.height ? MAX_PIXELS : Math.floor((MAX_PIXELS * natural.width) / natural.height);
  return {
    ppi: Number.isFinite(ppi) ? Math.round(ppi) : 0,
    width: Math.max(1, Math.min(natural.width, wanted, cap)),
    mm: {
      width: Math.round((box.width / CSS_PX_PER_INCH) * 25.4),
      height: Math.round((box.height / CSS_PX_PER_INCH) * 25.4),
    },
  };
}
