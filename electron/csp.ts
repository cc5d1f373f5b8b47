import { assetContentSecurityPolicy, contentSecurityPolicy } from '../src/security/csp';
import { stillScheme } from './app-url';

/**
 * The shell's Content-Security-Policy, sent on every response of the app scheme: the policy
 * both hosts share, with the stills scheme allowed as an image source.
 */
export const appCsp = contentSecurityPolicy(`${stillScheme}:`);

export const stillCsp = assetContentSecurityPolicy;
