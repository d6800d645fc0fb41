import { defineOperations } from './operation.ts';
import { adminDocs } from './operations-admin.ts';
import { lineDocs } from './operations-line.ts';

/**
 * The operation map: every operation of the HTTP API — method, path, policy, body/query and
 * response schemas, docs. The server registers its routes from it, OpenAPI is generated from it,
 * and the apps' client is typed by it.
 */
export const operations = defineOperations({ ...lineDocs, ...adminDocs });
export type Operations = typeof operations;
export type { Operation } from './operation.ts';
export type { OperationId } from './routes.ts';
