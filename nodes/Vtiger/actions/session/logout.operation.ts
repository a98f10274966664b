import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { OPERATIONS_BROKEN_ON_PHP8 } from '../../transport/errors';
import type { VtigerClient } from '../../transport/client';
import { sessionNameField } from './sessionName.description';

const properties: INodeProperties[] = [sessionNameField];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['logout'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const sessionName = (ctx.getNodeParameter('sessionName', itemIndex, '') as string).trim();
	// Logout is best-effort: PHP 8 servers cannot end sessions (docs/vtiger-webservice.md#logout).
	const ended = await client.callOrOnDefect('logout', {}, () => false, sessionName || undefined);
	return ended === false
		? { loggedOut: false, reason: OPERATIONS_BROKEN_ON_PHP8.logout }
		: { loggedOut: true };
}
