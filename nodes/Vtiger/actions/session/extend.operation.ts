import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';
import { sessionNameField } from './sessionName.description';

const properties: INodeProperties[] = [sessionNameField];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['extend'] } },
	properties,
);

interface ExtendResult {
	sessionName?: string;
	userId?: string;
	version?: string;
	vtigerVersion?: string;
}

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const sessionName = (ctx.getNodeParameter('sessionName', itemIndex, '') as string).trim();
	const reply = await client.reply('extendsession', {}, sessionName || undefined);
	if (reply.kind !== 'success') throw await client.failureOf('extendsession', reply);
	const result = (reply.result ?? {}) as ExtendResult;
	// The credential's own session stays inside n8n; only a session the user passed in is echoed.
	return {
		extended: true,
		...(sessionName ? { sessionName: result.sessionName } : {}),
		userId: result.userId,
		version: result.version,
		vtigerVersion: result.vtigerVersion,
	};
}
