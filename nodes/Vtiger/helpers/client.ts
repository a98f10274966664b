import { VtigerClient, type VtigerContext } from '../transport/client';
import { explainFailure } from './failures';

/** The client the node's operations, list searches and trigger talk to Vtiger with. */
export const vtigerClient = (ctx: VtigerContext) => new VtigerClient(ctx, explainFailure);
