import { defineConfig } from 'astro/config';
import { markdownProcessor } from './src/lib/markdown/pipeline.ts';

// `qikan build` passes the publication folder through the environment (src/lib/paths.ts) and the output folder
// through Astro's inline config.
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: markdownProcessor, syntaxHighlight: false },
  devToolbar: { enabled: false },
});
