import { join } from 'node:path';
import { HostError, type BugSink, type Handlers, type HostEvent, type LibraryInfo, type TrashKind } from '../../contract';
import { dirnameOf } from '../../library/paths';
import { Journal } from '../journal';
import { resolveInLibrary } from '../library-paths';
import { encodeReview, readReview, revisionOf, saveReview } from '../review-store';
import { duplicateReview, keepConflictCopy, moveToAppTrash, moveToSystemTrash, readIfExists, renameReview, reviewUnit } from './file-ops';
import { LibraryService } from './service';
import { ensureLibraryStateDir, libraryStateDir } from './state-dir';

export interface LibraryHostOptions {
  userDataDir: string;
  emit: (event: HostEvent) => void;
  bugSink: BugSink;
  /** Moves a file or folder to the system trash (Electron's shell.trashItem); absent in the browser host. */
  trash?: (absolutePath: string) => Promise<void>;
  /** Watch libraries for outside changes (default on). */
  watch?: boolean;
}

type LibraryRequests =
  | 'library.list'
  | 'library.search'
  | 'library.snippets'
  | 'review.read'
  | 'review.save'
  | 'review.rename'
  | 'review.duplicate'
  | 'review.trash'
  | 'review.keepMine'
  | 'journal.write'
  | 'journal.edit'
  | 'journal.clear'
  | 'journal.list'
  | 'journal.discard';

/**
 * The library side of the host: the open library's service (metadata, search, watching) and
 * recovery journal, and the requests that read, write, move and search reviews. Every write
 * goes through here so the service knows which changes on disk are Intertitle's own.
 */
export class LibraryHost {
  private current: { library: LibraryInfo; service: LibraryService; journal: Journal } | null = null;

  constructor(private options: LibraryHostOptions) {}

  get trashKind(): TrashKind {
    return this.options.trash ? 'system' : 'app-folder';
  }

  service(): LibraryService | null {
    return this.current?.service ?? null;
  }

  /** Opens `library` (closing the one before); resolves once its listing is ready. */
  async open(library: LibraryInfo): Promise<void> {
    await this.close();
    const dir = await ensureLibraryStateDir(this.options.userDataDir, library.root);
    const service = await LibraryService.open({
      library,
      userDataDir: this.options.userDataDir,
      emit: this.options.emit,
      bugSink: this.options.bugSink,
      watch: this.options.watch,
    });
    this.current = { library, service, journal: new Journal(join(dir, 'journal'), library.root) };
  }

  async close(): Promise<void> {
    const closing = this.current;
    this.current = null;
    await closing?.service.close();
  }

  private require() {
    if (!this.current) throw new HostError('not-found', 'No library is open. Open a folder of reviews first.');
    return this.current;
  }

  /** The library paths a review takes with it when it moves: its whole bundle, or itself. */
  private async unitPaths(path: string): Promise<string[]> {
    const { library, service } = this.require();
    const unit = await reviewUnit(library.root, path);
    return unit.bundle ? service.pathsUnder(dirnameOf(path)) : [path];
  }

  handlers(): Pick<Handlers, LibraryRequests> {
    return {
      'library.list': () => {
        const { library, service } = this.require();
        return { library, reviews: service.listing() };
      },
      'library.search': ({ query }) => this.require().service.search(query),
      'library.snippets': ({ query, paths }) => this.require().service.snippets(query, paths),
      'review.read': async ({ path }) => {
        const { library, service } = this.require();
        const file = await readReview(library.root, path);
        service.noteRead(path, file.revision);
        return file;
      },
      'review.save': async ({ path, text, bom, baseRevision }) => {
        const { library, service } = this.require();
        service.expectWrite(path, revisionOf(encodeReview(text, bom)));
        const saved = await saveReview(library.root, path, text, bom, baseRevision);
        service.noteRead(path, saved.revision);
        void service.refresh([path]);
        return saved;
      },
      'review.keepMine': async ({ path, text, bom, theirsRevision }) => {
        const { library, service } = this.require();
        const file = await resolveInLibrary(library.root, path);
        const disk = await readIfExists(file);
        let keptAs: string | null = null;
        if (disk !== null) {
          const revision = revisionOf(disk);
          if (revision !== theirsRevision) {
            throw new HostError('conflict', `${path} changed on disk again; compare once more before keeping yours.`, { revision });
          }
          keptAs = await keepConflictCopy(library.root, path, disk);
        }
        service.expectWrite(path, revisionOf(encodeReview(text, bom)));
        const saved = await saveReview(library.root, path, text, bom, disk === null ? null : theirsRevision);
        service.noteRead(path, saved.revision);
        await service.refresh(keptAs ? [path, keptAs] : [path]);
        return { revision: saved.revision, keptAs };
      },
      'review.rename': async ({ path, name }) => {
        const { library, service } = this.require();
        const before = await this.unitPaths(path);
        service.expectGone(before);
        const renamed = await renameReview(library.root, path, name);
        if (renamed === path) return { path };
        const folder = dirnameOf(renamed);
        const unit = await reviewUnit(library.root, renamed);
        await service.refresh(unit.bundle ? before : [...before, renamed], unit.bundle ? [folder] : []);
        return { path: renamed };
      },
      'review.duplicate': async ({ path }) => {
        const { library, service } = this.require();
        const copy = await duplicateReview(library.root, path);
        const unit = await reviewUnit(library.root, copy);
        await service.refresh([copy], unit.bundle ? [dirnameOf(copy)] : []);
        return { path: copy };
      },
      'review.trash': async ({ path }) => {
        const { library, service, journal } = this.require();
        const gone = await this.unitPaths(path);
        service.expectGone(gone);
        let trashedTo: string | null = null;
        if (this.options.trash) {
          await moveToSystemTrash(library.root, path, this.options.trash);
        } else {
          trashedTo = await moveToAppTrash(library.root, path, join(libraryStateDir(this.options.userDataDir, library.root), 'trash'));
        }
        await service.refresh(gone);
        // The critic confirmed: unsaved text of a review they threw away is not offered back.
        for (const p of gone) await journal.clear(p);
        return { trashedTo };
      },
      'journal.write': async ({ path, text, bom, baseRevision, setAside, token }) => {
        await this.require().journal.write({ path, text, bom, baseRevision, setAside, token });
        return null;
      },
      'journal.edit': async (edit) => {
        await this.require().journal.edit(edit);
        return null;
      },
      'journal.clear': async ({ path }) => {
        await this.require().journal.clear(path);
        return null;
      },
      'journal.list': () => this.require().journal.list(),
      'journal.discard': async ({ id }) => {
        await this.require().journal.discard(id);
        return null;
      },
    };
  }
}
