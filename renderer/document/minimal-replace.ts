import type { TransactionSpec } from '@codemirror/state';

/**
 * The one change that turns `from` into `to`: only the middle part between their common start
 * and common end is replaced, so the selection (mapped through it) stays where the critic was.
 */
export function minimalReplace(from: string, to: string): TransactionSpec {
  let start = 0;
  const shorter = Math.min(from.length, to.length);
  while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  return {
    changes: { from: start, to: from.length - end, insert: to.slice(start, to.length - end) },
    userEvent: 'input.reload',
  };
}
