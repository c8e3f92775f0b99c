/**
 * Text without white space, for comparing the source with the PDF. The micro, ohm, kelvin and ångström signs
 * come out of the PDF as the Greek and Latin letters they look like (µm → μm): both sides are written so.
 */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/[\u00b5\u2126\u212a\u212b]/g, (c) => c.normalize('NFKC'));
}
