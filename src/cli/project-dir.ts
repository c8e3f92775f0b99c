import { fileURLToPath } from 'node:url';

/** The folder of this package, where the Astro routes live (and Astro's own packages resolve). */
export const projectDir = fileURLToPath(new URL('../..', import.meta.url));
