import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName } from 'pdf-lib';

const run = promisify(execFile);

/** Ghostscript's own CMYK profile, where Debian's ghostscript package puts it. */
const ICC_CANDIDATES = ['/usr/share/color/icc/ghostscript/default_cmyk.icc'];

export class GhostscriptNotFound extends Error {
  constructor(what: string) {
    super(
      `--cmyk needs ${what}.\n  Install it with:  sudo apt-get install -y ghostscript\n  or point QIKAN_GS at a gs binary (and QIKAN_CMYK_ICC at a CMYK ICC profile).`,
    );
    this.name = 'GhostscriptNotFound';
  }
}

export interface CmykTools {
  gs: string;
  icc: string;
}

/** Finds Ghostscript and a CMYK profile before anything is built, so that a missing one is told at once. */
export async function findCmykTools(env: NodeJS.ProcessEnv = process.env): Promise<CmykTools> {
  const gs = env.QIKAN_GS ?? 'gs';
  try {
    await run(gs, ['--version']);
  } catch {
    throw new GhostscriptNotFound(`Ghostscript (${gs})`);
  }
  const icc = env.QIKAN_CMYK_ICC ?? ICC_CANDIDATES.find((p) => existsSync(p));
  if (!icc || !existsSync(icc)) throw new GhostscriptNotFound('a CMYK ICC profile');
  return { gs, icc };
}

/** A PDF date string: D:YYYYMMDDHHmmSSZ. */
const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
/** A PostScript string literal. */
const psString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * Converts a finished print-ready PDF to CMYK as PDF/X-3 with Ghostscript (the PDF/X level that Debian 12's
 * Ghostscript 10.0 writes), with the profile as output intent. Links are removed first: PDF/X allows no
 * annotations on the page, and Ghostscript silently falls back to plain PDF when it finds one.
 */
export async function toCmykPdfX(bytes: Uint8Array, tools: CmykTools, meta: { date: Date }): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qikan-cmyk-'));
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
    await fs.writeFile(path.join(dir, 'in.pdf'), await doc.save());
    const date = psString(pdfDate(meta.date));
    await fs.writeFile(
      path.join(dir, 'pdfx.ps'),
      [
        `/ICCProfile ${psString(tools.icc)} def`,
        // The title and the rest of the document information come with the input PDF.
        `[ /GTS_PDFXVersion (PDF/X-3:2002) /CreationDate ${date} /ModDate ${date} /Trapped /False /DOCINFO pdfmark`,
        `[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark`,
        `[{icc_PDFX} << /N 4 >> /PUT pdfmark`,
        `[{icc_PDFX} ICCProfile (r) file /PUT pdfmark`,
        `[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark`,
        `[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (Custom) /Info ${psString(path.basename(tools.icc))} /DestOutputProfile {icc_PDFX} >> /PUT pdfmark`,
        `[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark`,
      ].join('\n'),
    );
    const { stdout, stderr } = await run(tools.gs, [
      '-q',
      '-dBATCH',
      '-dNOPAUSE',
      '-dSAFER',
      `--permit-file-read=${tools.icc}`,
      '-sDEVICE=pdfwrite',
      '-dPDFX',
      '-dPDFSETTINGS=/prepress',
      '-sColorConversionStrategy=CMYK',
      '-sProcessColorModel=DeviceCMYK',
      `-sOutputFile=${path.join(dir, 'out.pdf')}`,
      path.join(dir, 'pdfx.ps'),
      path.join(dir, 'in.pdf'),
    ]);
    const said = `${stdout}${stderr}`.trim();
    if (/reverting to normal PDF/i.test(said)) throw new Error(`Ghostscript could not write PDF/X: ${said}`);
    return new Uint8Array(await fs.readFile(path.join(dir, 'out.pdf')));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
