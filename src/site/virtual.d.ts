/// <reference types="astro/client" />
declare module 'virtual:qikan/model' {
  const model: import('../core/model.ts').Model;
  export default model;
  /** In a preview (`astro dev`), every finding of the publication's files; otherwise none. */
  export const findings: import('../core/findings.ts').Finding[];
  /** Whether the pages are served by `astro dev` (the preview) rather than built. */
  export const preview: boolean;
}
