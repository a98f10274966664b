import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';
import { currentUserId } from '../../helpers/currentUser';

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getCurrent'] } },
	[],
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const params = { id: await currentUserId(client) };
	const reply = await client.reply('retrieve', params);
	if (reply.kind === 'success') return reply.result as IDataObject;
	if (!(await client.listTypes()).types.includes('Users')) {
		throw new NodeOperationError(
			ctx.getNode(),
			'This user may not use the module "Users", so it cannot read its own user record',
			{
				itemIndex,
				description:
					'Vtiger does not let this user use Users over the webservice. Module > List shows the modules this user can use.',
			},
		);
	}
	throw await client.failureOf('retrieve', reply, params);
}
