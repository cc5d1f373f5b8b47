import type { ProseWord } from '../prose';
import type { Finding, LintInput, LintRule } from '../types';

/** Sentences longer than the settings' `maxSentenceWords` (alt text is not counted: readers do not see it). */
export const longSentence: LintRule = {
  id: 'long-sentence',
  title: 'Very long sentences',
  run({ source, prose, settings }: LintInput): Finding[] {
    const limit = settings.maxSentenceWords;
    const findings: Finding[] = [];
    let current: ProseWord[] = [];
    const close = () => {
      if (current.length > limit) {
        const first = current[0]!;
        const last = current[current.length - 1]!;
        const to = last.to + (/^[.!?…]+/.exec(source.slice(last.to, last.to + 3))?.[0].length ?? 0);
        findings.push({
          rule: 'long-sentence',
          severity: 'info',
          message: `This sentence is ${current.length} words long (the limit is ${limit}). Readers may lose the thread; consider splitting it.`,
          from: first.from,
          to,
          suggestions: [],
        });
      }
      current = [];
    };
    for (const word of prose.words) {
      if (word.context === 'alt') continue;
      if (current.length && word.sentence !== current[0]!.sentence) close();
      current.push(word);
    }
    close();
    return findings;
  },
};
