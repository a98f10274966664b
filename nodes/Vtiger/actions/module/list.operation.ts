import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { VtigerClient } from '../../transport/client';

const properties: INodeProperties[] = [
	{
		displayName: 'Entity Modules Only',
		name: 'entityOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out non-record entities such as Groups, Currency or Tax',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['module'], operation: ['list'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const entityOnly = ctx.getNodeParameter('entityOnly', itemIndex, false) as boolean;
	const { types, information } = await client.listTypes();
	return types
		.map((name) => ({
			name,
			label: information[name]?.label ?? name,
			singular: information[name]?.singular ?? name,
			isEntity: information[name]?.isEntity === true,
		}))
		.filter((m) => !entityOnly || m.isEntity);
}
