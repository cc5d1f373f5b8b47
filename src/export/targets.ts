/**
 * The export targets, in the order the CLI and the Export dialog list them. Kept apart from the
 * exporters so the contract can name them without bundling any exporter.
 */
export const exportTargets = ['html', 'richtext', 'hugo', 'jekyll', 'wordpress-blocks', 'ghost-html'] as const;

export type ExportTarget = (typeof exportTargets)[number];

export function isExportTarget(value: unknown): value is ExportTarget {
  return typeof value === 'string' && (exportTargets as readonly string[]).includes(value);
}

/** What each target is for, in a phrase (the dialog's choices, the CLI's usage). */
export const exportTargetLabels: Readonly<Record<ExportTarget, string>> = {
  html: 'Web page (HTML)',
  richtext: 'Rich text for Substack, Medium, Google Docs',
  hugo: 'Hugo page bundle',
  jekyll: 'Jekyll post',
  'wordpress-blocks': 'WordPress blocks',
  'ghost-html': 'Ghost HTML',
};

/** Which targets can embed their stills in the file itself (`--inline`). */
export const inlineTargets: readonly ExportTarget[] = ['html', 'richtext'];
