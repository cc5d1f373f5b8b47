import { describe, expect, test } from 'vitest';
import { parseFrontMatter, splitFrontMatter, type FrontMatterBlock } from '../../src/review/front-matter';

describe('splitFrontMatter', () => {
  const cases: Array<[string, string, FrontMatterBlock]> = [
    [
      'LF',
      '---\ntitle: A\n---\nBody\n',
      { yaml: 'title: A\n', yamlStartLine: 1, body: 'Body\n', bodyStart: 17, bodyStartLine: 3 },
    ],
    [
      'CRLF',
      '---\r\ntitle: A\r\nb: 2\r\n---\r\nBody\r\n',
      { yaml: 'title: A\r\nb: 2\r\n', yamlStartLine: 1, body: 'Body\r\n', bodyStart: 26, bodyStartLine: 4 },
    ],
    [
      'a BOM before the opening fence',
      '\uFEFF---\ntitle: A\n---\nBody',
      { yaml: 'title: A\n', yamlStartLine: 1, body: 'Body', bodyStart: 18, bodyStartLine: 3 },
    ],
    [
      'trailing spaces on the fences',
      '---  \ntitle: A\n--- \t\nBody',
      { yaml: 'title: A\n', yamlStartLine: 1, body: 'Body', bodyStart: 21, bodyStartLine: 3 },
    ],
    [
      'a `...` closing fence',
      '---\ntitle: A\n...\nBody',
      { yaml: 'title: A\n', yamlStartLine: 1, body: 'Body', bodyStart: 17, bodyStartLine: 3 },
    ],
    [
      'empty front matter',
      '---\n---\nBody',
      { yaml: '', yamlStartLine: 1, body: 'Body', bodyStart: 8, bodyStartLine: 2 },
    ],
    [
      'a closing fence at the end of the file',
      '---\na: 1\n---',
      { yaml: 'a: 1\n', yamlStartLine: 1, body: '', bodyStart: 12, bodyStartLine: 2 },
    ],
    [
      'no closing fence: all body',
      '---\ntitle: A\nBody\n',
      { yaml: null, yamlStartLine: 0, body: '---\ntitle: A\nBody\n', bodyStart: 0, bodyStartLine: 0 },
    ],
    [
      '`---js` is not a fence (never evaluated)',
      '---js\nmodule.exports = {}\n---\nBody',
      { yaml: null, yamlStartLine: 0, body: '---js\nmodule.exports = {}\n---\nBody', bodyStart: 0, bodyStartLine: 0 },
    ],
    [
      '`---javascript` is not a fence either',
      '---javascript\n({})\n---\n',
      { yaml: null, yamlStartLine: 0, body: '---javascript\n({})\n---\n', bodyStart: 0, bodyStartLine: 0 },
    ],
    [
      'a fence not on the first line',
      '\n---\na: 1\n---\n',
      { yaml: null, yamlStartLine: 0, body: '\n---\na: 1\n---\n', bodyStart: 0, bodyStartLine: 0 },
    ],
    [
      'no front matter, with a BOM',
      '\uFEFF# Title\n',
      { yaml: null, yamlStartLine: 0, body: '# Title\n', bodyStart: 1, bodyStartLine: 0 },
    ],
    ['a lone opening fence', '---', { yaml: null, yamlStartLine: 0, body: '---', bodyStart: 0, bodyStartLine: 0 }],
    [
      'a closing fence needs the whole line',
      '---\na: 1\n----\nb: 2\n---\nBody',
      { yaml: 'a: 1\n----\nb: 2\n', yamlStartLine: 1, body: 'Body', bodyStart: 23, bodyStartLine: 5 },
    ],
  ];

  test.each(cases)('%s', (_name, source, expected) => {
    const block = splitFrontMatter(source);
    expect(block).toEqual(expected);
    expect(source.slice(block.bodyStart)).toBe(block.body);
    expect(source.slice(0, block.bodyStart).split('\n').length - 1).toBe(block.bodyStartLine);
  });
});

describe('parseFrontMatter', () => {
  test.each([
    ['fields', '---\ntitle: "A"\nfilm:\n  year: 2020\n---\n', { title: 'A', film: { year: 2020 } }],
    ['empty front matter', '---\n---\nBody', {}],
    ['only a comment', '---\n# nothing yet\n---\n', {}],
    ['dates stay strings (core schema has no timestamps)', '---\ndate: 2023-07-10\n---\n', { date: '2023-07-10' }],
    ['CRLF', '---\r\na: 1\r\nb: [x, y]\r\n---\r\n', { a: 1, b: ['x', 'y'] }],
    ['YAML 1.2: `no` is a string, not false', '---\ncountry: NO\nok: yes\n---\n', { country: 'NO', ok: 'yes' }],
    ['an unknown tag is read as plain data', '---\nf: !!js/function "function () {}"\n---\n', { f: 'function () {}' }],
    ['anchors and aliases', '---\na: &x [1, 2]\nb: *x\n---\n', { a: [1, 2], b: [1, 2] }],
  ])('%s', (_name, source, data) => {
    expect(parseFrontMatter(source)).toMatchObject({ data, error: null });
  });

  test('no front matter gives no data and no error', () => {
    expect(parseFrontMatter('# Just a body\n')).toMatchObject({ data: null, error: null });
  });

  test.each([
    ['an unclosed flow list on line 3', '---\ntitle: A\ntags: [a, b\n---\nBody', 3],
    ['a duplicate key on line 4', '---\na: 1\nb: 2\na: 3\n---\n', 4],
    ['a bad indent, after a BOM, with CRLF', '\uFEFF---\r\nfilm:\r\n  title: A\r\n year: 1\r\n---\r\n', 4],
    ['a tab for indentation', '---\nfilm:\n\ttitle: A\n---\n', 3],
    ['an alias to no anchor', '---\na: 1\nb: *nope\n---\n', 3],
    ['an error at the very end, after blank lines', '---\na: [\n\n\n---\n', 2],
  ])('%s: error on the right line of the whole file', (_name, source, line) => {
    const { data, error } = parseFrontMatter(source);
    expect(data).toBeNull();
    expect(error?.line).toBe(line);
    expect(error?.message).not.toMatch(/\n|at line|\^/);
    expect(error?.message.length).toBeGreaterThan(5);
  });

  test.each([
    ['a list', '---\n- a\n- b\n---\n', 2],
    ['a scalar', '---\n\njust text\n---\n', 3],
  ])('a root that is %s is an error', (_name, source, line) => {
    expect(parseFrontMatter(source)).toMatchObject({
      data: null,
      error: { line, message: 'The front matter must be a list of `key: value` fields.' },
    });
  });

  test('an alias bomb is refused', () => {
    // Each of eight levels lists the previous one ten times: 10^8 values if expanded.
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [previous, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh']) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const { data, error } = parseFrontMatter(`---\n${lines.join('\n')}\n---\n`);
    expect(data).toBeNull();
    expect(error?.message).toMatch(/alias/i);
  });

  test('`__proto__` keys pollute nothing and are dropped', () => {
    const source = '---\n__proto__: {polluted: true}\nfilm:\n  __proto__: {polluted: true}\n  title: A\n---\n';
    const { data, error } = parseFrontMatter(source);
    expect(error).toBeNull();
    expect(data).toEqual({ film: { title: 'A' } });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(data?.['film'])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.assign({}, data)).not.toHaveProperty('polluted');
  });

  test('the body of a file whose front matter fails is still there', () => {
    const { block, error } = parseFrontMatter('---\na: [\n---\n# Body\n');
    expect(error?.line).toBe(2);
    expect(block.body).toBe('# Body\n');
  });
});
