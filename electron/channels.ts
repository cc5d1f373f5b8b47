/** The one IPC channel for requests, and the one for host events. Shared by main and preload. */
export const callChannel = 'intertitle:call';
export const eventChannel = 'intertitle:event';
