export * from './envelope';
export * from './events';
export * from './requests';
export * from './dispatch';
export * from './client';
export type * from './types';
export * from './commands';
