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
	const reply = sessionName
		? await client.replyWithSession('logout', sessionName)
		: await client.reply('logout');
	if (reply.kind === 'success') return { loggedOut: true };
	if (reply.kind === 'notJson' && reply.httpStatus >= 500) {
		// Logout is best-effort: PHP 8 servers cannot end sessions (docs/vtiger-webservice.md#logout).
		return { loggedOut: false, reason: OPERATIONS_BROKEN_ON_PHP8.logout };
	}
	throw await client.failureOf('logout', reply);
}
