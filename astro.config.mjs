import { defineConfig } from 'astro/config';
import { loadModel } from './src/core/model.ts';
import { siteConfig } from './src/site/astro-config.ts';

// `astro dev` and `astro preview` of the publication in this folder; `qikan build --root` passes its own model.
export default defineConfig(siteConfig(loadModel(process.cwd())));
