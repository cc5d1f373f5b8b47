import { resolveAssetPath } from '../library/paths';
import { markdown } from '../markdown/markdown';
import { splitFrontMatter } from '../review/front-matter';
import { ghostHtml } from './ghost-html';
import { htmlPage } from './html-page';
import { hugoBundle } from './hugo';
import { jekyllPost } from './jekyll';
import { richtext } from './richtext';
import { inlineTargets, type ExportTarget } from './targets';
import type { ExportInput, ExportResult, Exporter } from './types';
import { wordpressBlocks } from './wordpress-blocks';

const exporters: Readonly<Record<ExportTarget, Exporter>> = {
  html: htmlPage,
  richtext,
  hugo: hugoBundle,
  jekyll: jekyllPost,
  'wordpress-blocks': wordpressBlocks,
  'ghost-html': ghostHtml,
};

/** Exports a review to one target. Pure: the host reads the stills' facts first and writes after. */
export function exportReview(target: ExportTarget, input: ExportInput): ExportResult {
  const inline = Boolean(input.inline) && inlineTargets.includes(target);
  const result = exporters[target]({ ...input, inline });
  if (input.inline && !inline) {
    result.warnings.push(`${target} cannot hold its stills inside the file, so they are copied beside it.`);
  }
  return result;
}

/**
 * The library paths of the images a review's markdown refers to (figures and inline images), so
 * the host can look for web derivatives, sizes and bytes before exporting.
 */
export function referencedStills(source: string, reviewPath: string): string[] {
  const found = new Set<string>();
  for (const token of markdown.parse(splitFrontMatter(source).body, {})) {
    for (const child of token.children ?? []) {
      if (child.type !== 'image') continue;
      const path = resolveAssetPath(reviewPath, String(child.attrGet('src') ?? ''));
      if (path !== null) found.add(path);
    }
  }
  return [...found];
}
