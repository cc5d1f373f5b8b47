import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReview } from '../../src/markdown/pipeline';
import { reviewImageSizes } from '../../src/node/stills/still-files';
import { runCli } from '../../src/node/cli';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { tempLibrary } from '../helpers/temp';

let dirs: Awaited<ReturnType<typeof tempLibrary>>;
beforeAll(async () => {
  dirs = await tempLibrary();
});
afterAll(() => dirs.cleanup());

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('intertitle CLI', () => {
  it('render prints exactly the sanitised HTML of the preview pipeline', async () => {
    const file = join(dirs.root, 'dear-comrades-2020', 'index.md');
    const { code, stdout, stderr } = await cli('render', file);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(file, 'utf8');
    const images = await reviewImageSizes(join(dirs.root, 'dear-comrades-2020'), 'index.md', text);
    expect(stdout).toBe(renderReview(text, { sanitize: createNodeSanitizer(), images }).html);
    expect(stdout).toContain('<figure');
    // The image sizes the preview gets from the host: the still does not jump as it loads.
    expect(stdout).toMatch(/<img [^>]*width="\d+" height="\d+"/);
    expect(stdout).toContain('<span class="credit">Curzon</span>');
    expect(stdout).not.toContain('title:');
  });

  it('render sanitises hostile HTML', async () => {
    const file = join(dirs.root, 'hostile.md');
    await writeFile(file, 'Hi <img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))\n');
    const { stdout } = await cli('render', file);
    expect(stdout).not.toMatch(/onerror|<script|href="javascript:/i);
    expect(stdout).toContain("[x](javascript:alert(3))"); // left as text: markdown-it refuses the link
  });

  it('scan --json prints path, title, status and film of every review', async () => {
    const { code, stdout } = await cli('scan', dirs.root, '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows[0]).toMatchObject({
      path: 'dear-comrades-2020/index.md',
      title: 'The party line, in black and white',
      status: 'ready',
      film: { title: 'Dear Comrades!', year: 2020 },
      rating: null,
    });
    expect(rows.map((r: { path: string }) => r.path)).toContain('notes/broken.md');
  });

  it('scan --json gives each review its whole film block and its rating', async () => {
    const file = join(dirs.root, 'stalker.md');
    await writeFile(
      file,
      '---\ntitle: Zone\ndate: "1999-01-01"\nrating: 4.5\ntags: [Tarkovsky, slow cinema]\nfilm:\n  title: Stalker\n  year: "1979"\n' +
        '  directors: [Andrei Tarkovsky]\n  runtime: 161\n  cast:\n    - {name: Alisa Freindlich, character: Wife}\n---\nBody.\n',
    );
    const rows = JSON.parse((await cli('scan', dirs.root, '--json')).stdout) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.path === 'stalker.md')).toEqual({
      path: 'stalker.md',
      title: 'Zone',
      status: null,
      date: '1999-01-01',
      rating: 4.5,
      rating_scale: 5,
      tags: ['Tarkovsky', 'slow cinema'],
      film: {
        title: 'Stalker',
        year: 1979,
        directors: ['Andrei Tarkovsky'],
        runtime: 161,
        cast: [{ name: 'Alisa Freindlich', character: 'Wife' }],
      },
    });
  });

  it('scan without --json prints a readable list with a count', async () => {
    const { stdout } = await cli('scan', dirs.root);
    expect(stdout).toContain('The party line, in black and white — Dear Comrades! (2020)');
    expect(stdout).toMatch(/\d+ reviews\n$/);
  });

  it.each([
    [['render', '/no/such/review.md'], 1, /No such file: \/no\/such\/review\.md/],
    [['render'], 2, /render takes one review file/],
    [['scan', '/no/such/library'], 1, /There is no folder at \/no\/such\/library/],
    [['scan', join(__dirname, 'cli.test.ts')], 1, /is a file, not a folder/],
    [['frobnicate'], 2, /Unknown command “frobnicate”/],
    [['scan', '.', '--bogus'], 2, /bogus/],
  ])('%j fails with exit %i and a message on stderr', async (argv, exitCode, message) => {
    const { code, stdout, stderr } = await cli(...(argv as string[]));
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('render refuses a file that is not UTF-8', async () => {
    const file = join(dirs.root, 'latin1.md');
    await writeFile(file, Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    const { code, stderr } = await cli('render', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not valid UTF-8/);
  });
});
