declare module 'markdown-it-image-figures' {
  import type { PluginWithOptions } from 'markdown-it';

  /** Options of markdown-it-image-figures 2.x. */
  export interface ImageFiguresOptions {
    dataType?: boolean;
    figcaption?: boolean | 'alt' | 'title';
    tabindex?: boolean;
    link?: boolean;
    lazy?: boolean;
    async?: boolean;
    classes?: string;
    copyAttrs?: boolean | string;
    removeSrc?: boolean;
  }

  const imageFigures: PluginWithOptions<ImageFiguresOptions>;
  export default imageFigures;
}
