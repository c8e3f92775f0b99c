import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/** A content stream and where it is stored, so that it can be written back. */
export interface ContentStream {
  ref: PDFRef;
  stream: PDFRawStream;
}

/**
 * Every content stream the pages draw with, once each: the pages' own, and those of the forms and tiling patterns
 * their resources name (Chromium draws transparency groups and repeated art as forms).
 */
export function contentStreams(doc: PDFDocument): ContentStream[] {
  const found = new Map<PDFRef, PDFRawStream>();
  const add = (ref: PDFObject | undefined) => {
    if (!(ref instanceof PDFRef) || found.has(ref)) return;
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return;
    found.set(ref, stream);
    resources(stream.dict.get(PDFName.of('Resources')));
  };
  const resources = (value: PDFObject | undefined) => {
    const dict = value && doc.context.lookup(value);
    if (!(dict instanceof PDFDict)) return;
    for (const key of ['XObject', 'Pattern']) {
      const named = dict.get(PDFName.of(key));
      const entries = named && doc.context.lookup(named);
      if (!(entries instanceof PDFDict)) continue;
      for (const [, ref] of entries.entries()) {
        const object = doc.context.lookup(ref);
        if (object instanceof PDFRawStream && isDrawing(object.dict)) add(ref);
      }
    }
  };
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const list = contents && doc.context.lookup(contents);
    if (list instanceof PDFArray) list.asArray().forEach(add);
    else add(contents);
    resources(page.node.Resources());
  }
  return [...found].map(([ref, stream]) => ({ ref, stream }));
}

/** A form XObject or a tiling pattern: drawn with operators (an image is not). */
function isDrawing(dict: PDFDict): boolean {
  const subtype = dict.get(PDFName.of('Subtype'));
  return subtype === PDFName.of('Form') || String(dict.get(PDFName.of('PatternType'))) === '1';
}

/**
 * A content stream's operators as text (Latin-1, byte for byte), or undefined under a filter other than Flate.
 * Ghostscript ends some Flate streams without the final block: zlib reads them flushed as far as they go.
 */
export function streamText(stream: PDFRawStream): string | undefined {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (filters.some((f) => f !== PDFName.of('FlateDecode'))) return undefined;
  const bytes = filters.length
    ? zlib.inflateSync(stream.contents, { finishFlush: zlib.constants.Z_SYNC_FLUSH })
    : Buffer.from(stream.contents);
  return bytes.toString('latin1');
}

/** Stores new operators for a content stream, Flate-compressed, its other entries (Resources, BBox …) kept. */
export function setStreamText(doc: PDFDocument, { ref, stream }: ContentStream, text: string): void {
  const dict = stream.dict.clone(doc.context);
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  dict.delete(PDFName.of('DecodeParms'));
  const bytes = zlib.deflateSync(Buffer.from(text, 'latin1'));
  dict.set(PDFName.of('Length'), doc.context.obj(bytes.length));
  doc.context.assign(ref, PDFRawStream.of(dict, bytes));
}

/** A token of a content stream: where it is in the text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const DELIMITER = /[\s()<>[\]{}/%]/;

/**
 * Calls `visit` for each operator of a content stream with its operands, and puts what it returns in place of
 * operands and operator. Strings, comments and inline images are read past, so that nothing in them is taken for
 * an operator.
 */
export function mapOperators(text: string, visit: (op: string, operands: Token[]) => string | undefined): string {
  const edits: { start: number; end: number; text: string }[] = [];
  let operands: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '%') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '(') {
      let depth = 0;
      for (; i < n; i++) {
        const d = text[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      i++;
    } else if (c === '<' && text[i + 1] === '<') i += 2;
    else if (c === '>' && text[i + 1] === '>') i += 2;
    else if (c === '<') i = text.indexOf('>', i) + 1 || n;
    else if ('[]{}'.includes(c)) i++;
    else {
      i++;
      while (i < n && !DELIMITER.test(text[i]!)) i++;
    }
    const token = { text: text.slice(start, i), start, end: i };
    if (c !== '/' && /^[A-Za-z'"*]/.test(token.text) && !/^(true|false|null)$/.test(token.text)) {
      if (token.text === 'ID') {
        // An inline image's data runs to the EI that stands alone after white space.
        const ei = /\sEI(?=[\s]|$)/g;
        ei.lastIndex = i;
        i = ei.exec(text) ? ei.lastIndex : n;
        operands = [];
        continue;
      }
      const replaced = visit(token.text, operands);
      if (replaced !== undefined) edits.push({ start: operands[0]?.start ?? start, end: i, text: replaced });
      operands = [];
    } else operands.push(token);
  }
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
