/**
 * The names of the requests in `requests.ts`, without their schemas, so that the Electron preload
 * can refuse unknown names without bundling zod. `requests.ts` is checked against this list by
 * the compiler (`satisfies`), so the two cannot drift apart.
 */
export const requestNames = [
  'app.info',
  'library.open',
  'library.choose',
  'library.list',
  'review.create',
  'review.read',
  'review.save',
  'library.search',
  'library.snippets',
  'review.rename',
  'review.duplicate',
  'review.trash',
  'review.keepMine',
  'journal.write',
  'journal.edit',
  'journal.clear',
  'journal.list',
  'journal.discard',
  'film.search',
  'film.details',
  'settings.tmdbToken.set',
  'settings.status',
  'export.run',
  'export.save',
  'clipboard.write',
  'stills.list',
  'stills.import',
  'stills.choose',
  'stills.trash',
  'stills.derive',
  'stills.settings.set',
  'publish.connections',
  'publish.connection.save',
  'publish.connection.remove',
  'publish.connection.test',
  'publish.run',
  'writing.settings.get',
  'writing.settings.set',
  'spelling.addWords',
  'app.readyToClose',
] as const;

export type RequestName = (typeof requestNames)[number];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && (requestNames as readonly string[]).includes(name);
}
