import { mkdir, readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintReview } from '../../src/lint/lint-review';
import { runCli } from '../../src/node/cli';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('intertitle-lint-')));
afterAll(() => cleanup());

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const review = `---\r
spoilers: false\r
film:\r
  title: "Dear Comrades!"\r
  cast:\r
    - {name: Yuliya Burova, character: Svetka}\r
---\r
\r
Zetka waits in the the square while Dear Comrades! plays.\r
\r
||Svetka lives.||\r
`;

describe('intertitle lint', () => {
  it('prints one finding a line with its fix, and exits 1 when there are warnings', async () => {
    const file = join(dir, 'review.md');
    await writeFile(file, review);
    const { code, stdout, stderr } = await cli('lint', file);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${file}:2:11  warning  One passage is marked as a spoiler, but the front matter says spoilers: false. Readers will not be warned.  (spoiler-flag)`,
      '    fix: "true"',
      `${file}:9:1  warning  “Zetka” looks like a misspelling of “Svetka” (Svetka, played by Yuliya Burova).  (name-near-miss)`,
      '    fix: "Svetka"',
      `${file}:9:16  warning  “the” is written twice.  (repeated-word)`,
      '    fix: "the"',
      `${file}:9:37  note     Set the film’s title in italics: *Dear Comrades!*.  (title-style)`,
      '    fix: "*Dear Comrades!*"',
      '4 findings (3 warnings, 1 note)',
      '',
    ]);
  });

  it('--json prints the checks’ results exactly, with offsets into the file as written (CRLF and all)', async () => {
    const file = join(dir, 'review.md');
    const { code, stdout } = await cli('lint', file, '--json');
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as Array<{ rule: string; from: number; to: number; text: string }>;
    expect(results).toEqual(lintReview(review));
    const bytes = await readFile(file, 'utf8');
    for (const r of results) expect(bytes.slice(r.from, r.to)).toBe(r.text);
    // Exactly the documented fields, in the documented order.
    for (const r of results) expect(Object.keys(r)).toEqual(['rule', 'severity', 'message', 'line', 'column', 'from', 'to', 'text', 'suggestions']);
  });

  it('takes the settings as flags, and exits 0 when only notes remain', async () => {
    const file = join(dir, 'review.md');
    const { code, stdout } = await cli('lint', file, '--title-style', 'quotes', '--disable', 'name-near-miss,repeated-word', '--disable', 'spoiler-flag');
    expect(code).toBe(0);
    expect(stdout).toContain('Set the film’s title in quotes: “Dear Comrades!”.');
    expect(stdout).toContain('1 finding (1 note)');
    const clean = join(dir, 'clean.md');
    await writeFile(clean, 'A short, clean review.\n');
    expect(await cli('lint', clean)).toEqual({ code: 0, stdout: `${clean}: no findings\n`, stderr: '' });
    expect((await cli('lint', clean, '--json')).stdout).toBe('[]\n');
  });

  it.each([
    [['lint'], 'lint takes one review file.'],
    [['lint', 'a.md', 'b.md'], 'lint takes one review file.'],
    [['lint', 'a.md', '--title-style', 'bold'], '--title-style is one of italic, quotes, off.'],
    [['lint', 'a.md', '--max-sentence-words', 'many'], '--max-sentence-words:'],
    [['lint', 'a.md', '--disable', 'spelling'], 'Unknown check “spelling”.'],
    [['lint', 'a.md', '--frobnicate'], "Unknown option '--frobnicate'"],
  ])('refuses bad usage with exit 2: %j', async (argv, message) => {
    const { code, stderr, stdout } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: intertitle lint <review.md>');
  });

  it('says so, with exit 2, when the file cannot be checked', async () => {
    expect(await cli('lint', join(dir, 'missing.md'))).toMatchObject({ code: 2, stderr: `intertitle: No such file: ${join(dir, 'missing.md')}\n` });
    expect(await cli('lint', dir)).toMatchObject({ code: 2, stderr: `intertitle: ${dir} is a folder, not a review\n` });
    const binary = join(dir, 'binary.md');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    expect(await cli('lint', binary)).toMatchObject({ code: 2, stderr: `intertitle: ${binary} is not valid UTF-8 text.\n` });
  });
});

describe('intertitle lint on the files beside the review (real images made with sharp)', () => {
  it('flags a still over 5 MB without a web copy and a figure whose file is missing; a web copy quiets the first', async () => {
    const folder = join(dir, 'files-review');
    await mkdir(join(folder, 'stills'), { recursive: true });
    // Noise does not compress: a 1,600 × 1,200 PNG of it is over 5 MB.
    const big = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    await writeFile(join(folder, 'stills', '01-big.png'), big);
    const file = join(folder, 'index.md');
    await writeFile(file, '# Stills\n\n![A crowd](stills/01-big.png "The crowd")\n\n![A ship](stills/02-gone.jpg "The ship")\n');
    const rules = async () => (JSON.parse((await cli('lint', file, '--json')).stdout) as Array<{ rule: string; text: string }>).map((r) => [r.rule, r.text]);
    expect(await rules()).toEqual([
      ['still-too-large', '![A crowd](stills/01-big.png "The crowd")'],
      ['still-file-missing', '![A ship](stills/02-gone.jpg "The ship")'],
    ]);
    await writeFile(join(folder, 'stills', '01-big.web.jpg'), await sharp(big).resize(800).jpeg().toBuffer());
    expect(await rules()).toEqual([['still-file-missing', '![A ship](stills/02-gone.jpg "The ship")']]);
  });
});
