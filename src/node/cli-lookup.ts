import { parseArgs } from 'node:util';
import { HostError } from '../contract/envelope';
import { tmdbHome, tmdbNotice } from '../metadata/attribution';
import type { FilmCandidate, FilmDetails, FilmFacts, FilmProvider } from '../contract/types';
import type { LookupErrorDetails } from '../metadata/http';
import { defaultCastLimit } from '../metadata/provider';
import { keyText, valueAfterKey } from '../review/yaml-text';
import type { CliIo } from './cli';
import { createSessionSecrets } from './lookup-secrets';
import { LookupService, type LookupServiceOptions } from './lookup-service';
import { defaultUserDataDir } from './user-dirs';

export const lookupUsage = `Usage: intertitle lookup "<title>" [--year N] [--provider tmdb|wikidata] [--json]
                         [--id <TMDb id or Wikidata Q-id>] [--cast N]

  Looks a film up and prints its facts as a front-matter film: block (or JSON with --json).
  TMDb needs INTERTITLE_TMDB_TOKEN (the API Read Access Token); without it Wikidata is used.
  A title such as tt0013442 is looked up as an IMDb id.
`;

/** `intertitle lookup`: returns the exit code (0 found, 1 lookup failed, 2 wrong arguments). */
export async function runLookup(
  args: string[],
  io: CliIo,
  options: Partial<LookupServiceOptions> = {},
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        provider: { type: 'string' },
        id: { type: 'string' },
        cast: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.err(`intertitle lookup: ${(error as Error).message}\n${lookupUsage}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const usageError = (message: string) => {
    io.err(`intertitle lookup: ${message}\n${lookupUsage}`);
    return 2;
  };
  const title = positionals.join(' ').trim();
  if (!title && !values.id) return usageError('give the film’s title (in quotes when it has spaces).');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 1870 || year > 2100)) return usageError('--year is a year such as 1922.');
  const castLimit = values.cast === undefined ? defaultCastLimit : Number(values.cast);
  if (!Number.isInteger(castLimit) || castLimit < 1 || castLimit > 200) return usageError('--cast is a number from 1 to 200.');
  if (values.provider !== undefined && values.provider !== 'tmdb' && values.provider !== 'wikidata') {
    return usageError('--provider is tmdb or wikidata.');
  }

  const service = new LookupService({
    userDataDir: defaultUserDataDir(),
    version: process.env.npm_package_version ?? '0.0.0',
    // The CLI never stores a token: it reads INTERTITLE_TMDB_TOKEN.
    secrets: createSessionSecrets(),
    ...options,
  });
  let provider = values.provider as FilmProvider | undefined;
  if (!provider) {
    provider = (await service.hasTmdbToken()) ? 'tmdb' : 'wikidata';
    if (provider === 'wikidata' && !values.json) io.err('No INTERTITLE_TMDB_TOKEN set: looking on Wikidata.\n');
  }

  try {
    let candidates: FilmCandidate[] = [];
    let id = values.id;
    if (!id) {
      candidates = (await service.search({ title, year, provider }, { posters: false })).candidates;
      if (candidates.length === 0) {
        io.err(`intertitle lookup: ${providerName(provider)} has no film called “${title}”${year ? ` from about ${year}` : ''}.\n`);
        return 1;
      }
      id = candidates[0]!.id;
    }
    const details = await service.details({ provider, id, castLimit });
    const others = candidates.filter((c) => c.id !== details.id);
    if (values.json) {
      io.out(`${JSON.stringify({ provider, id: details.id, url: details.url, film: details.film, notes: details.notes, candidates: candidates.map(jsonCandidate) }, null, 2)}\n`);
    } else {
      io.out(humanReport(details, others));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    const wait = (error.details as LookupErrorDetails | undefined)?.retryAfterSeconds;
    io.err(`intertitle lookup: ${error.message}${wait ? ` (retry after ${wait} s)` : ''}\n`);
    return 1;
  }
}

function providerName(provider: FilmProvider): string {
  return provider === 'tmdb' ? 'TMDb' : 'Wikidata';
}

function jsonCandidate({ poster: _poster, ...candidate }: FilmCandidate) {
  return candidate;
}

/** The film block as front-matter YAML (empty fields left out), then the other matches. */
function humanReport(details: FilmDetails, others: FilmCandidate[]): string {
  const { film } = details;
  const lines = [`${film.title ?? details.id}${film.year ? ` (${film.year})` : ''} — ${providerName(details.provider)} ${details.id}, ${details.url}`, ''];
  const options = { newline: '\n', indentUnit: 2 };
  lines.push(`${keyText('film', options)}:${valueAfterKey('film', filmBlock(film), 0, options)}`);
  for (const note of details.notes) lines.push(`# ${note}`);
  if (others.length) {
    lines.push('', 'Other matches (look one up with --id):');
    for (const c of others) {
      const by = c.directors.length ? `, ${c.directors.join(', ')}` : '';
      lines.push(`  ${c.id.padEnd(10)} ${c.title}${c.year ? ` (${c.year})` : ''}${by}`);
    }
  }
  if (details.provider === 'tmdb') lines.push('', `Data: TMDB (${tmdbHome}). ${tmdbNotice}`);
  return `${lines.join('\n')}\n`;
}

function filmBlock(film: FilmFacts): Record<string, unknown> {
  const ids = Object.fromEntries(Object.entries(film.ids).filter(([, v]) => v !== null));
  const block: Record<string, unknown> = { ...film, ids };
  return Object.fromEntries(
    Object.entries(block).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0)),
  );
}
