import type { IDataObject } from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';
import { explainLineItemsCrash } from '../../helpers/failures';

/**
 * Sends an inventory write that carries `LineItems`. Vtiger 8.x on PHP 8 saves the header and the
 * lines, then dies before the totals (docs/vtiger-webservice.md#line-item-writes): that answer is
 * reported as such, with the record as it was left when its id is known.
 */
export async function sendLineItems(
	client: VtigerClient,
	operation: 'create' | 'revise',
	params: Record<string, string>,
	recordId?: string,
): Promise<IDataObject> {
	return await client.callOrOnDefect<IDataObject>(operation, params, async (reply) => {
		const left = recordId ? await client.retrieve(recordId).catch(() => undefined) : undefined;
		throw await client.failureOf(operation, reply, params, explainLineItemsCrash(recordId, left));
	});
}
