import { defineConfig } from 'astro/config';
import { siteConfig } from './src/site/astro-config.ts';
import { previewModel } from './src/site/integration.ts';

// `astro dev` and `astro preview` of the publication in this folder; `qikan build --root` passes its own model.
export default defineConfig(siteConfig(previewModel(process.cwd(), console.warn)));
