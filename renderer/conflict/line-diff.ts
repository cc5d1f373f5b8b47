/** One row of a side-by-side comparison: a line of each text, or null where one side has none. */
export interface DiffRow {
  left: string | null;
  right: string | null;
  changed: boolean;
}

/** Above this many line pairs in the differing middle, everything there is shown as changed. */
const maxCells = 4_000_000;

/**
 * Lines of two texts side by side with the differing ones marked: common start and end
 * trimmed, then a longest-common-subsequence alignment of the rest. Reviews are a few hundred
 * lines, so the quadratic table is small; for huge ones the middle is simply marked changed.
 */
export function sideBySide(leftText: string, rightText: string): DiffRow[] {
  const a = leftText.split(/\r\n?|\n/);
  const b = rightText.split(/\r\n?|\n/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const rows: DiffRow[] = a.slice(0, start).map((line) => ({ left: line, right: line, changed: false }));
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  rows.push(...(midA.length * midB.length > maxCells ? pairUp(midA, midB) : align(midA, midB)));
  rows.push(...a.slice(a.length - end).map((line) => ({ left: line, right: line, changed: false })));
  return rows;
}

function align(a: string[], b: string[]): DiffRow[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    rows.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ left: a[i]!, right: b[j]!, changed: false });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      removed.push(a[i++]!);
    } else {
      added.push(b[j++]!);
    }
  }
  flush();
  return rows;
}

/** Changed lines of each side next to each other, the shorter side padded with gaps. */
function pairUp(left: string[], right: string[]): DiffRow[] {
  return Array.from({ length: Math.max(left.length, right.length) }, (_, k) => ({
    left: left[k] ?? null,
    right: right[k] ?? null,
    changed: true,
  }));
}
