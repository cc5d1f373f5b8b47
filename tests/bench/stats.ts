import type { BenchResult } from './types';

/** The q-quantile (0..1) of `values`, linearly interpolated. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A value held against a baseline from the same run: passes when value ≤ maxRatio × baseline. */
export function ratioResult(name: string, value: number, baseline: number, unit: string, maxRatio: number): BenchResult {
  const ratio = value / baseline;
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio, 3),
    budget: `≤ ${maxRatio}× baseline`,
    pass: Number.isFinite(ratio) && ratio <= maxRatio,
  };
}

/** A value held against an absolute limit. */
export function limitResult(name: string, value: number, unit: string, max: number, budget = `≤ ${max} ${unit}`): BenchResult {
  return { name, value: round(value), unit, baseline: null, ratio: null, budget, pass: Number.isFinite(value) && value <= max };
}

/** A number reported for context, with no budget of its own. */
export function infoResult(name: string, value: number, unit: string): BenchResult {
  return { name, value: round(value), unit, baseline: null, ratio: null, budget: 'report only', pass: true };
}

/** Logs progress to stderr (the runner shows it; stdout is left to the runner). */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
