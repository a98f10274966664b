import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getCurrent'] } }, []);

export async function execute(_ctx: IExecuteFunctions, client: VtigerClient): Promise<IDataObject> {
	return (await client.retrieve(await client.currentUserId())) as IDataObject;
}
