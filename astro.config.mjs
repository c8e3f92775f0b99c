import { defineConfig } from 'astro/config';
import { markdownProcessor } from './src/lib/markdown/pipeline.ts';

// `qikan build` passes the publication folder and the output folder through the environment and inline config.
export default defineConfig({
  outDir: process.env.QIKAN_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: markdownProcessor, syntaxHighlight: false },
  devToolbar: { enabled: false },
});
