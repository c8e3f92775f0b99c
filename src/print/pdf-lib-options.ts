import { ParseSpeeds } from 'pdf-lib';

/**
 * How the print step reads and writes PDFs with pdf-lib. By default pdf-lib hands the event loop back every 100
 * objects it parses and every 50 it writes, for a web page's UI; a build has none, and each hand-back waits for a
 * timer: all at once, an issue's batches are read in half the time (152 pages: 0.29 s → 0.14 s).
 */
export const LOAD_PDF = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;
export const SAVE_PDF = { objectsPerTick: Infinity } as const;
