import { createRequire } from 'node:module';
import { defineWorkspaceProject } from '../../vitest.shared.js';

// graphql 16 ships CJS (`main`) and ESM (`module`) builds. Node loads Apollo and Pothos with the CJS one; Vite
// would hand our sources the ESM one, and graphql refuses objects from "another realm". Pin the CJS build.
const graphql = createRequire(import.meta.url).resolve('graphql');

export default defineWorkspaceProject('api', { resolve: { alias: { graphql } } }, { database: true });
