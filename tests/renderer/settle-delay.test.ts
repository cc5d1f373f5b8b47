// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useSettleWhenIdle } from '../../renderer/editor/settle-delay';

describe('useSettleWhenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('runs once the page is idle, with the newest text only, and again for later texts', () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options: { timeout: number }) => {
      expect(options.timeout).toBe(1000);
      idle.push(run);
      return idle.length;
    });
    const seen: Array<[string | null, string]> = [];
    const { result } = renderHook(() => useSettleWhenIdle((path, text) => seen.push([path, text])));
    result.current('a.md', 'one');
    result.current('a.md', 'two');
    result.current('b.md', 'three');
    // Nothing while the page is busy typing; one idle run for the three texts.
    expect(seen).toEqual([]);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    expect(seen).toEqual([['b.md', 'three']]);
    result.current('b.md', 'four');
    expect(idle).toHaveLength(1);
    idle.shift()!();
    expect(seen).toEqual([['b.md', 'three'], ['b.md', 'four']]);
  });
});
