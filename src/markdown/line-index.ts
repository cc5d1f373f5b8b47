/**
 * Line positions in a text: the offset where each line starts, and the line (and column) of an
 * offset by binary search, for the checks, the figure scan and the preview's diffing. Lines end at
 * `\n`; a `\r` before it counts as the line's last character.
 */
export function lineStarts(text: string): Int32Array {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return Int32Array.from(starts);
}

/** The 0-based line holding character `offset`. */
export function lineAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The 1-based line and column of character `offset`. */
export function lineColumn(starts: Int32Array, offset: number): { line: number; column: number } {
  const line = lineAt(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1 };
}
