import type { PublishedRecord, PublishTarget } from './types';

export type { PublishTarget, PublishedRecord } from './types';

/** A site the critic publishes to, as the renderer sees it: never the password or key itself. */
export interface PublishConnection {
  /** `<target>:<site>`. */
  id: string;
  target: PublishTarget;
  site: string;
  /** The WordPress user name (Ghost keys belong to an integration, not a user). */
  user: string | null;
  /**
   * Where its secret is kept: the OS keychain, this run only (the browser host, or a computer
   * without a keychain), or nowhere yet.
   */
  credentials: 'keychain' | 'session' | 'missing';
}

/** What testing a connection found. */
export interface ConnectionCheck {
  /** A sentence: "Connected to “Film notes” as critic." */
  message: string;
  name: string;
  user: string | null;
  api: string;
}

/** A finished publish (`publish.run`). */
export interface PublishResult {
  target: PublishTarget;
  site: string;
  id: string | number;
  url: string | null;
  /** A new post was made; false when the recorded one was updated. */
  created: boolean;
  uploaded: number;
  reused: number;
  warnings: string[];
  /** The review's revision after the record was written into it. */
  revision: string;
  record: PublishedRecord;
}

/** `publish.progress`: one step of a publish in progress. */
export interface PublishProgressEvent {
  path: string;
  target: PublishTarget;
  message: string;
  done: number;
  total: number;
}
