import type { Finding, LintInput, LintRule } from '../types';

/**
 * Text marked as a spoiler (`||…||`) in a review whose front matter says `spoilers: false`.
 * The finding sits on the `false`, with `true` as the fix; without a front-matter line to point
 * at, it sits on the first spoiler.
 */
export const spoilerFlag: LintRule = {
  id: 'spoiler-flag',
  title: 'Spoilers marked in a review that says it has none',
  run({ source, data, prose }: LintInput): Finding[] {
    if (!prose.spoilers.length || data?.['spoilers'] !== false) return [];
    const count = prose.spoilers.length;
    const marked = count === 1 ? 'One passage is' : `${count} passages are`;
    const message = `${marked} marked as a spoiler, but the front matter says spoilers: false. Readers will not be warned.`;
    const value = /^spoilers:[ \t]*(false|False|FALSE)\b/m.exec(source);
    if (value && value.index < prose.spoilers[0]!.from) {
      const from = value.index + value[0].length - value[1]!.length;
      return [{ rule: 'spoiler-flag', severity: 'warning', message, from, to: from + value[1]!.length, suggestions: ['true'] }];
    }
    const first = prose.spoilers[0]!;
    return [{ rule: 'spoiler-flag', severity: 'warning', message, from: first.from, to: first.to, suggestions: [] }];
  },
};
