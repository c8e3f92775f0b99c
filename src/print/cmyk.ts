import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { Publication } from '../core/schema/publication.ts';
import { cmykShadings, grayForNeutralColours, type Cmyk, type Rgb } from './cmyk-colours.ts';
import { contentStreams, mapOperators, streamText } from './pdf-streams.ts';
import { LOAD_PDF, SAVE_PDF } from './pdf-lib-options.ts';

const run = promisify(execFile);

export class GhostscriptNotFound extends Error {
  constructor(flag: string, gs: string) {
    super(
      `${flag} needs Ghostscript (${gs}), to convert and to check the print shop's files.\n` +
        `  Install it with:  sudo apt-get install -y ghostscript\n  or point QIKAN_GS at a gs binary.`,
    );
    this.name = 'GhostscriptNotFound';
  }
}

/** Finds Ghostscript before anything is built, so that a missing one is told at once; and its version. */
export async function findGhostscript(
  flag: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ gs: string; version: string }> {
  const gs = env.QIKAN_GS ?? 'gs';
  try {
    return { gs, version: (await run(gs, ['--version'])).stdout.trim() };
  } catch {
    throw new GhostscriptNotFound(flag, gs);
  }
}

/** What the CMYK file is made for: publication.yaml's print.cmyk, its profile's path resolved. */
export type CmykTarget = Publication['print']['cmyk'];

export interface CmykTools {
  gs: string;
  /** Its version: the CMYK file it wrote is kept in the cache for this version only. */
  version: string;
  target: CmykTarget;
}

/**
 * The profile of publication.yaml's print.cmyk, resolved from the publication folder and checked to be a CMYK ICC
 * profile: the problem with it, or the resolved target.
 */
export async function resolveCmykTarget(root: string, target: CmykTarget): Promise<CmykTarget | string> {
  const profile = path.resolve(root, target.profile);
  const field = `publication.yaml: print.cmyk.profile: ${target.profile}`;
  const header = await fs.readFile(profile).then(
    (b) => b.subarray(0, 40),
    () => undefined,
  );
  if (!header)
    return `${field}: no such file. Give the path of a CMYK ICC profile (e.g. apt-get install -y icc-profiles-free), relative to the publication folder or absolute.`;
  if (header.toString('latin1', 36, 40) !== 'acsp')
    return `${field}: not an ICC profile. Give the path of a CMYK ICC profile (.icc or .icm).`;
  const space = header.toString('latin1', 16, 20);
  if (space !== 'CMYK') return `${field}: an ICC profile of ${space.trim()}, not CMYK. Give a CMYK printing profile.`;
  return { ...target, profile };
}

/** A PDF date string: D:YYYYMMDDHHmmSSZ. */
const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
/** A PostScript string literal. */
const psString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** Ghostscript's pdfwrite converting to CMYK through the target's profile. */
async function convertWithGs(
  tools: CmykTools,
  inputs: string[],
  output: string,
  extra: string[] = [],
): Promise<string> {
  const { stdout, stderr } = await run(tools.gs, [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER',
    `--permit-file-read=${tools.target.profile}`,
    '-sDEVICE=pdfwrite',
    // Ghostscript 10.0's new PDF interpreter loses the ToUnicode of some of Chromium's CID glyphs (the text of
    // 不下 extracts as "OQ"); the former one keeps them.
    '-dNEWPDF=false',
    '-dPDFSETTINGS=/prepress',
    '-sColorConversionStrategy=CMYK',
    '-sProcessColorModel=DeviceCMYK',
    `-sOutputICCProfile=${tools.target.profile}`,
    ...extra,
    `-sOutputFile=${output}`,
    ...inputs,
  ]);
  return `${stdout}${stderr}`.trim();
}

/** RGB colours as Ghostscript converts them to CMYK through the profile: each on a page of its own, read back. */
async function probeColours(colours: Rgb[], tools: CmykTools, dir: string): Promise<Cmyk[]> {
  const doc = await PDFDocument.create();
  for (const [r, g, b] of colours) {
    const page = doc.addPage([10, 10]);
    const stream = doc.context.flateStream(`${r} ${g} ${b} rg 0 0 10 10 re f`);
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  }
  const input = path.join(dir, 'probe.pdf');
  const output = path.join(dir, 'probe.cmyk.pdf');
  await fs.writeFile(input, await doc.save(SAVE_PDF));
  await convertWithGs(tools, [input], output);
  const converted = await PDFDocument.load(await fs.readFile(output), LOAD_PDF);
  const found = converted.getPages().map((page) => {
    let cmyk: Cmyk | undefined;
    for (const { stream } of contentStreams(converted).filter((c) => page.node.get(PDFName.of('Contents')) === c.ref))
      mapOperators(streamText(stream) ?? '', (op, operands) => {
        if (op === 'k' && operands.length === 4) cmyk = operands.map((t) => Number(t.text)) as Cmyk;
        return undefined;
      });
    return cmyk;
  });
  if (found.length !== colours.length || found.some((c) => !c))
    throw new Error('Ghostscript did not convert the colours of the gradients as expected');
  return found as Cmyk[];
}

/**
 * Converts a finished print-shop file to CMYK as PDF/X-3 with Ghostscript (the PDF/X level that Debian 12's
 * Ghostscript 10.0 writes), the target's profile embedded as the output intent. Before Ghostscript sees it: RGB
 * greys become greys (black text on the K plate alone), RGB gradients CMYK ones (kept as vectors), and links go
 * (PDF/X allows no annotations on the page, and Ghostscript silently falls back to plain PDF when it finds one).
 */
export async function toCmykPdfX(bytes: Uint8Array, tools: CmykTools, meta: { date: Date }): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'qikan-cmyk-'));
  try {
    const doc = await PDFDocument.load(bytes, LOAD_PDF);
    for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
    grayForNeutralColours(doc);
    await cmykShadings(doc, (colours) => probeColours(colours, tools, dir));
    await fs.writeFile(path.join(dir, 'in.pdf'), await doc.save(SAVE_PDF));
    const date = psString(pdfDate(meta.date));
    const { profile, condition, info, registry } = tools.target;
    await fs.writeFile(
      path.join(dir, 'pdfx.ps'),
      [
        `/ICCProfile ${psString(profile)} def`,
        // The title and the rest of the document information come with the input PDF.
        `[ /GTS_PDFXVersion (PDF/X-3:2002) /CreationDate ${date} /ModDate ${date} /Trapped /False /DOCINFO pdfmark`,
        `[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark`,
        `[{icc_PDFX} << /N 4 >> /PUT pdfmark`,
        `[{icc_PDFX} ICCProfile (r) file /PUT pdfmark`,
        `[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark`,
        `[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier ${psString(condition)} ` +
          `/OutputCondition ${psString(info)} /Info ${psString(info)} /RegistryName ${psString(registry)} ` +
          `/DestOutputProfile {icc_PDFX} >> /PUT pdfmark`,
        `[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark`,
      ].join('\n'),
    );
    const output = path.join(dir, 'out.pdf');
    const said = await convertWithGs(tools, [path.join(dir, 'pdfx.ps'), path.join(dir, 'in.pdf')], output, ['-dPDFX']);
    if (/reverting to normal PDF/i.test(said)) throw new Error(`Ghostscript could not write PDF/X: ${said}`);
    return new Uint8Array(await fs.readFile(output));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
