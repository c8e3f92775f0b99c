/// <reference types="astro/client" />
declare module 'virtual:qikan/model' {
  const model: import('../core/model.ts').Model;
  export default model;
}
