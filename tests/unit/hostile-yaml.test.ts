import { describe, expect, test } from 'vitest';
import { editFrontMatter } from '../../src/review/front-matter-edit';
import { parseFrontMatter } from '../../src/review/front-matter';
import { checkReview } from '../../src/review/review-check';
import { frontMatterLimits } from '../../src/review/yaml-guard';

/*
 * Front matter written to attack the app: code, tags, alias bombs, prototype keys, deep nesting,
 * sheer size. Each case must end in an error or a warning (never code run, unbounded expansion,
 * a polluted object or a hang), leave the body readable, and refuse sidebar edits where it failed.
 */

const body = '\nThe body is still here.\n';
const fm = (yaml: string) => `---\n${yaml}\n---\n${body}`;
const timeLimitMs = 2000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const billionLaughs = (levels: number, width: number) => {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  return fm(lines.join('\n'));
};

interface Case {
  name: string;
  source: () => string;
  /** What the reader must report. */
  error?: RegExp;
  warning?: RegExp;
}

const cases: Case[] = [
  { name: 'a !!js/function tag', source: () => fm('title: !!js/function "function () { globalThis.pwned = 1 }"'), warning: /tag !!js\/function is not supported/ },
  { name: 'a verbatim js/undefined tag', source: () => fm('title: !<tag:yaml.org,2002:js/undefined> ""'), warning: /tag !<tag:yaml.org,2002:js\/undefined> is not supported/ },
  { name: 'a local !include tag', source: () => fm('film: !include /etc/passwd'), warning: /tag !include is not supported/ },
  { name: 'a ---js block', source: () => `---js\nglobalThis.pwned = 1; module.exports = {title: "x"}\n---\n${body}`, error: /“---js” block.*never runs code/ },
  { name: 'a ---javascript block with a BOM', source: () => `\uFEFF---javascript\n({title: (globalThis.pwned = 1)})\n---\n${body}`, error: /“---javascript” block/ },
  { name: 'a billion laughs (9 levels of 9)', source: () => billionLaughs(9, 9), error: /alias/i },
  { name: 'a billion laughs with few aliases (6 levels of 10)', source: () => billionLaughs(6, 10), error: /alias/i },
  { name: 'a quarter of a million aliases', source: () => fm(`a: &a x\nb: [${Array(250_000).fill('*a').join(',')}]`), error: /more than 100 aliases|front matter is \d+ KB/ },
  { name: 'a __proto__ key', source: () => fm('__proto__: {polluted: true}\nfilm:\n  __proto__: {polluted: true}\n  title: X'), warning: /“__proto__” is ignored/ },
  { name: 'constructor and prototype keys', source: () => fm('constructor: {prototype: {polluted: true}}\nfilm: {constructor: x, prototype: y}') },
  { name: 'a 10,000-deep flow list', source: () => fm(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}`), error: /nests more than 64 levels/ },
  { name: 'a 10,000-deep flow record', source: () => fm(`a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`), error: /nests more than 64 levels/ },
  { name: 'a 10,000-deep block list on one line', source: () => fm(`a:\n  ${'- '.repeat(10_000)}x`), error: /nests more than 64 levels/ },
  { name: 'a 300-deep indented block', source: () => fm(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')), error: /nests more than 64 levels/ },
  { name: 'a 5 MB front matter', source: () => fm(Array.from({ length: 100_000 }, (_, i) => `key${i}: "a value that is fifty characters long, roughly"`).join('\n')), error: /front matter is [\d,]+ KB; Intertitle reads front matter up to 128 KB/ },
  { name: 'an unclosed 5 MB quoted string', source: () => fm(`title: "${'x'.repeat(5_000_000)}`), error: /front matter is [\d,]+ KB/ },
];

describe('hostile front matter', () => {
  test.each(cases)('$name: reported, bounded, nothing run', ({ source, error, warning }) => {
    const text = source();
    delete (globalThis as Record<string, unknown>)['pwned'];
    const { value: parsed, ms } = timed(() => parseFrontMatter(text));
    expect(ms).toBeLessThan(timeLimitMs);

    if (error) {
      expect(parsed.data).toBeNull();
      expect(parsed.error?.message).toMatch(error);
      expect(parsed.error?.line).toBeGreaterThanOrEqual(1);
    } else {
      expect(parsed.error).toBeNull();
    }
    if (warning) expect(parsed.warnings?.map((w) => w.message).join('\n')).toMatch(warning);
    // Nothing ran and nothing was polluted.
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The body can still be read (and so edited and previewed).
    expect(parsed.block.body.endsWith(body)).toBe(true);
  });

  test.each(cases.filter((c) => c.error))('$name: the sidebar refuses to edit, quickly', ({ source }) => {
    const { value: result, ms } = timed(() => editFrontMatter(source(), { kind: 'set', path: ['title'], value: 'x' }));
    expect(ms).toBeLessThan(timeLimitMs);
    expect(result.ok).toBe(false);
  });

  test('the tag’s value is data, not code', () => {
    const { data } = parseFrontMatter(fm('title: !!js/function "function () { return 1 }"'));
    expect(data).toEqual({ title: 'function () { return 1 }' });
  });

  test('prototype keys stay plain data: warned about, and objects keep their prototype', () => {
    const { data, warnings } = parseFrontMatter(cases.find((c) => c.name === 'constructor and prototype keys')!.source());
    expect(warnings).toEqual([]);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data?.['constructor']).toEqual({ prototype: { polluted: true } });
    const { issues } = checkReview(data!);
    expect(issues.map((i) => i.message)).toEqual([
      'Review › constructor is not a field Intertitle knows; it is kept as written.',
      'Film › constructor is not a field Intertitle knows; it is kept as written.',
      'Film › prototype is not a field Intertitle knows; it is kept as written.',
    ]);
  });

  test('the limits are ones a real review never reaches', () => {
    expect(frontMatterLimits).toEqual({ maxChars: 128 * 1024, maxDepth: 64, maxAliases: 100 });
  });

  test('a front matter just under the size limit is read in time', () => {
    const lines: string[] = ['film:', '  cast:'];
    let length = 0;
    while (length < frontMatterLimits.maxChars - 200) {
      const line = `    - {name: "Actor ${lines.length}", character: "Role ${lines.length}"}`;
      lines.push(line);
      length += line.length + 1;
    }
    const { value, ms } = timed(() => parseFrontMatter(fm(lines.join('\n'))));
    expect(value.error).toBeNull();
    // Not a benchmark (that is tests/bench): only "not a hang", even on a busy machine.
    expect(ms).toBeLessThan(5 * timeLimitMs);
  });
});
