import { VtigerClient } from '../transport/client';
import type { VtigerContext } from '../transport/connection';
import { explainFailure } from './failures';

/** The client the node's operations, list searches and trigger talk to Vtiger with. */
export const vtigerClient = (ctx: VtigerContext) => new VtigerClient(ctx, explainFailure);
