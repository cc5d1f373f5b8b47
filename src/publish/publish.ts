import { checkGhost, publishToGhost } from './ghost';
import type { PublishOutcome, PublishPorts, PublishRequest, SiteCheck, SiteCredentials } from './types';
import { checkWordPress, publishToWordPress } from './wordpress';

/** Publishes to the platform the credentials are for (docs/publishing.md). */
export function publish(ports: PublishPorts, request: PublishRequest): Promise<PublishOutcome> {
  return request.credentials.target === 'wordpress' ? publishToWordPress(ports, request) : publishToGhost(ports, request);
}

/** Checks a connection without changing anything on the site. */
export function checkSite(ports: PublishPorts, site: string, credentials: SiteCredentials): Promise<SiteCheck> {
  return credentials.target === 'wordpress'
    ? checkWordPress(ports, site, credentials.user, credentials.appPassword)
    : checkGhost(ports, site, credentials.adminKey);
}
