import { describe, expect, it } from 'vitest';
import { checkStills, largeStillBytes, type StillFinding } from '../../src/stills/checks';
import type { StillInfo } from '../../src/stills/types';

const review = (body: string) => `---\ntitle: "A"\n---\n\n${body}`;
const info = (bytes: number, derivative: string | null = null): StillInfo => ({ src: 'stills/a.jpg', libraryPath: 'r/stills/a.jpg', width: 10, height: 10, bytes, derivative });
const rules = (results: StillFinding[]) => results.map((r) => r.rule);

describe('writing checks for stills', () => {
  it.each([
    ['a figure with alt text and caption passes', '![A crowd](stills/a.jpg "The march")', []],
    ['missing alt text', '![](stills/a.jpg "The march")', ['still-alt-missing']],
    ['missing caption', '![A crowd](stills/a.jpg)', ['still-caption-missing']],
    ['both missing', '![ ](stills/a.jpg "")', ['still-alt-missing', 'still-caption-missing']],
    ['alt text identical to the caption', '![The march](stills/a.jpg "The *march*")', ['still-alt-is-caption']],
    ['…ignoring case, accents and punctuation', '![Lyudmila’s café!](stills/a.jpg "lyudmila s cafe")', ['still-alt-is-caption']],
    ['an image inside a paragraph is not a figure', 'Text ![](stills/a.jpg) more.', []],
  ])('%s', (_, body, expected) => {
    expect(rules(checkStills(review(`${body}\n`)))).toEqual(expected);
  });

  it('gives the lint result shape: rule, severity, message, line, column, range and text', () => {
    const text = review('Intro.\n\n  ![](stills/a.jpg "Cap")\n');
    const [result] = checkStills(text);
    expect(result).toEqual({
      rule: 'still-alt-missing',
      severity: 'warning',
      message: expect.stringMatching(/stills\/a\.jpg has no alt text: describe what is in the picture/),
      line: 7,
      column: 3,
      from: text.indexOf('!['),
      to: text.indexOf('")') + 2,
      text: '![](stills/a.jpg "Cap")',
      suggestions: [],
    });
  });

  it.each([
    ['over 5 MB without a web derivative', info(largeStillBytes + 1), ['still-too-large']],
    ['over 5 MB with one', info(largeStillBytes + 1, 'stills/a.web.jpg'), []],
    ['exactly 5 MB', info(largeStillBytes), []],
    ['a missing file', null, ['still-file-missing']],
    ['a file the host has not described yet', undefined, []],
  ])('file checks: %s', (_, file, expected) => {
    const results = checkStills(review('![A](stills/a.jpg "B")\n'), { file: () => file });
    expect(rules(results)).toEqual(expected);
    if (file === null) expect(results[0]!.severity).toBe('error');
  });
});
