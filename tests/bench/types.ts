/**
 * One measured number of `npm run bench`. A benchmark file is `tests/bench/<area>.bench.ts`
 * whose default export is `async function (): Promise<BenchResult[]>` (see docs/performance.md).
 */
export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  budget: string;
  pass: boolean;
};
