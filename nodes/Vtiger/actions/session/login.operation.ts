import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';

const properties: INodeProperties[] = [
	{
		displayName:
			'Opens a new session, separate from the one this node manages by itself. Only workflows that hand sessions to other tools need this.',
		name: 'loginNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['login'] } },
	properties,
);

export async function execute(_ctx: IExecuteFunctions, client: VtigerClient): Promise<IDataObject> {
	return { ...(await client.login()) };
}
