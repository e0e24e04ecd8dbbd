/**
 * @chiso/scoring — the scoring domain shared by the API, the admin app and the portal.
 * Pure TypeScript: no I/O, no Node-only imports.
 */

export * from './calendar/index.js';
export { ScoringInputError } from './input-error.js';
export * from './instruments/index.js';
export * from './ranking/index.js';
export * from './scorecard/index.js';
export * from './service-index/index.js';
export * from './statistics/index.js';
