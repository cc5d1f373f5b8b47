import { HostError } from '../contract';

/** Turns a Node file-system error into a HostError with a sentence a critic can act on. */
export function ioError(error: unknown, action: string, what: string): HostError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new HostError('not-found', `Could not ${action} ${what}: it no longer exists.`);
    case 'ENOSPC':
      return new HostError('io', `Could not ${action} ${what}: the disk is full.`);
    case 'EDQUOT':
      return new HostError('io', `Could not ${action} ${what}: your disk quota is used up.`);
    case 'EACCES':
    case 'EPERM':
      return new HostError('io', `Could not ${action} ${what}: Intertitle is not allowed to (check the folder's permissions).`);
    case 'EROFS':
      return new HostError('io', `Could not ${action} ${what}: the disk is read-only.`);
    case 'EISDIR':
      return new HostError('io', `Could not ${action} ${what}: it is a folder.`);
    case 'EBUSY':
    case 'ETXTBSY':
      return new HostError('io', `Could not ${action} ${what}: another program is using it.`);
    default:
      return new HostError('io', `Could not ${action} ${what}: ${(error as Error)?.message ?? String(error)}`);
  }
}
