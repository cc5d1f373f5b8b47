import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HostError } from '../contract';
import { renderReview } from '../markdown/pipeline';
import { runLookup } from './cli-lookup';
import { exportCommand, exportUsage } from './cli-export';
import { lintCommand, lintUsage } from './cli-lint';
import { publishCommand, publishUsage } from './cli-publish';
import { checkLibraryFolder } from './host-impl';
import { startHttpHost } from './http-host';
import { scanLibraryWithFilm, scanRow } from './library-scan';
import { decodeReview } from './review-store';
import { createNodeSanitizer } from './sanitizer';
import { reviewImageSizes } from './stills/still-files';
import { defaultDocumentsDir, defaultUserDataDir } from './user-dirs';

const usage = `Usage: intertitle <command> [options]

  render <review.md>                 the preview's HTML of a review on stdout
  scan <library> [--json]            list the reviews of a library
  lookup "<title>" [--year N] [--provider tmdb|wikidata] [--json]
                                     film facts from TMDb or Wikidata (docs/lookup.md)
  serve [<library>] [--port N]       the browser host on 127.0.0.1 (also: --library <dir>)
  ${exportUsage}
  ${lintUsage}
  ${publishUsage}
`;

/** An error the CLI reports as a sentence, with an exit code, and no stack trace. */
class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function readUtf8(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path}: ${(error as Error).message}`);
  }
  const { text, valid } = decodeReview(bytes);
  if (!valid) throw new CliError(`${path} is not valid UTF-8 text.`);
  return text;
}

async function render(args: string[], io: CliIo): Promise<void> {
  const [file, ...rest] = args;
  if (!file || rest.length) throw new CliError('render takes one review file.\n' + usage, 2);
  const text = await readUtf8(file);
  // The same image sizes the preview gets from the host, read beside the file.
  const images = await reviewImageSizes(dirname(resolve(file)), basename(file), text);
  const { html } = renderReview(text, { sanitize: createNodeSanitizer(), images });
  io.out(html);
}

async function scan(args: string[], io: CliIo): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new CliError('scan takes one library folder.\n' + usage, 2);
  const root = await checkLibraryFolder(positionals[0]!);
  const read = await scanLibraryWithFilm(root);
  const reviews = read.map((r) => r.summary);
  if (values.json) {
    io.out(`${JSON.stringify(read.map(scanRow), null, 2)}\n`);
    return;
  }
  for (const r of reviews) {
    const film = r.film.title ? `${r.film.title}${r.film.year ? ` (${r.film.year})` : ''}` : '';
    io.out(`${(r.status ?? '-').padEnd(9)} ${r.title}${film ? ` — ${film}` : ''}\n    ${r.path}\n`);
  }
  io.out(`${reviews.length} review${reviews.length === 1 ? '' : 's'}\n`);
}

async function serve(args: string[], io: CliIo): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: 'string' }, library: { type: 'string' } },
  });
  const library = values.library ?? positionals[0];
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a number from 0 to 65535.`, 2);
  const here = dirname(fileURLToPath(import.meta.url));
  const server = await startHttpHost({
    version: process.env.npm_package_version ?? '0.0.0',
    userDataDir: defaultUserDataDir(),
    documentsDir: defaultDocumentsDir(),
    initialLibrary: library,
    rendererDir: process.env.INTERTITLE_RENDERER_DIR ?? join(here, '..', 'renderer'),
    port,
  });
  io.out(`Intertitle is serving ${server.host.library()?.root ?? '(no library)'}\n`);
  io.out(`Open ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'render':
        await render(rest, io);
        return 0;
      case 'scan':
        await scan(rest, io);
        return 0;
      case 'lookup':
        return await runLookup(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'lint':
        return await lintCommand(rest, io);
      case 'publish':
        return await publishCommand(rest, io);
      case 'serve':
        await serve(rest, io);
        return 0;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`Unknown command “${command}”.\n${usage}`, 2);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`intertitle: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof HostError || (error as { code?: string })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`intertitle: ${(error as Error).message}\n`);
      return (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1;
    }
    io.err(`intertitle: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
