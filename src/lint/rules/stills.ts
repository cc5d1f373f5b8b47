import { checkFigure, type StillCheckOptions } from '../../stills/checks';
import type { Finding, LintInput, LintRule } from '../types';

/**
 * The stills checks (missing alt text or caption, alt text that repeats the caption), written
 * with the Stills panel in `src/stills/checks.ts` and run here with the other writing checks.
 * Checks of the files themselves (missing, over 5 MB without a web copy) run when the caller
 * passes the files' facts. A suggestion counts here when it replaces exactly the flagged text.
 */
export const stillChecks: LintRule = {
  id: 'stills',
  title: 'Stills without alt text or caption',
  run({ source, prose, files }: LintInput): Finding[] {
    // The figures come from the parse the other checks read (`checkStills` would parse again).
    const options: StillCheckOptions = files ? { file: files } : {};
    return prose.stills().flatMap((figure) => checkFigure(source, figure, options)).map((result) => ({
      rule: result.rule,
      severity: result.severity,
      message: result.message,
      from: result.from,
      to: result.to,
      suggestions: result.suggestions.flatMap((s) => {
        const [change, ...more] = s.changes;
        return change && !more.length && change.from === result.from && change.to === result.to ? [change.insert] : [];
      }),
    }));
  },
};
