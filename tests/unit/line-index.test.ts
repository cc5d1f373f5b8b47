import { describe, expect, it } from 'vitest';
import { lineAt, lineColumn, lineStarts } from '../../src/markdown/line-index';

describe('line index', () => {
  const text = 'ab\n\ncd\r\ne';
  const starts = lineStarts(text);
  it('knows where each line starts', () => {
    expect([...starts]).toEqual([0, 3, 4, 8]);
    expect([...lineStarts('')]).toEqual([0]);
  });
  it.each([
    [0, 0, 1, 1],
    [2, 0, 1, 3], // the \n ends its line
    [3, 1, 2, 1], // an empty line
    [6, 2, 3, 3], // the \r belongs to its line
    [8, 3, 4, 1],
    [9, 3, 4, 2], // the end of the text
  ])('offset %i is on line %i (1-based %i, column %i)', (offset, line, oneBased, column) => {
    expect(lineAt(starts, offset)).toBe(line);
    expect(lineColumn(starts, offset)).toEqual({ line: oneBased, column });
  });
});
