import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordFields, withCreateDefaults, withDefaultOwner } from '../../helpers/fields';
import { checkedWrite } from '../../helpers/stored';
import { moduleName } from '../../helpers/modules';
import type { VtigerClient } from '../../transport/client';
import { readPages } from '../../vtql/paging';
import { selectAfterId } from '../../vtql/select';
import {
	columnsField,
	fieldsInputFields,
	moduleField,
	writeOptionsField,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	moduleField,
	...fieldsInputFields,
	columnsField('upsert'),
	{
		displayName: 'Fields to Match On Names or IDs',
		name: 'matchFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['module.value'] },
		default: [],
		required: true,
		displayOptions: { show: { fieldsInput: ['keyValue', 'json'] } },
		description:
			'A record whose values in these fields equal the given ones (ignoring case) is updated; with none, one is created. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'When Several Records Match',
		name: 'onSeveralMatches',
		type: 'options',
		options: [
			{
				name: 'Fail the Item',
				value: 'error',
				description: 'Report the IDs of the matching records',
			},
			{ name: 'Update All of Them', value: 'updateAll' },
		],
		default: 'error',
	},
	writeOptionsField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['upsert'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const node = ctx.getNode();
	const module = moduleName(ctx, itemIndex);
	const { fields, matchOn } = await recordFields(ctx, client, () => module, itemIndex);
	const matchFields =
		(ctx.getNodeParameter('fieldsInput', itemIndex) as string) === 'mapper'
			? matchOn
			: (ctx.getNodeParameter('matchFields', itemIndex, []) as string[]);
	if (matchFields.length === 0) {
		throw new NodeOperationError(node, 'Choose at least one field to match on', { itemIndex });
	}
	const conditions = matchFields.map((field) => {
		const value = String(fields[field] ?? '');
		if (value === '') {
			throw new NodeOperationError(
				node,
				`The field "${field}" is used to match records but has no value`,
				{ itemIndex },
			);
		}
		return { field, operator: 'equal' as const, value };
	});
	const matches = await readPages(
		async (position, pageSize) =>
			await client.query(
				selectAfterId({ module, fields: ['id'], conditions }, position.lastId, pageSize),
			),
	);

	if (matches.length === 0) {
		const element = withCreateDefaults(
			module,
			await withDefaultOwner(ctx, client, itemIndex, fields),
		);
		const created = await checkedWrite(
			ctx,
			client,
			itemIndex,
			element,
			(await client.create(module, element)) as IDataObject,
		);
		return [{ ...created, upsertAction: 'created' }];
	}
	if (
		matches.length > 1 &&
		ctx.getNodeParameter('onSeveralMatches', itemIndex, 'error') !== 'updateAll'
	) {
		const ids = matches.map((m) => String(m.id));
		throw new NodeOperationError(
			node,
			`${matches.length} ${module} records match ${matchFields.join(', ')}: ${ids.join(', ')}`,
			{
				itemIndex,
				description:
					'Match on more fields, or set "When Several Records Match" to update all of them',
			},
		);
	}
	const updated: IDataObject[] = [];
	for (const match of matches) {
		const element: IDataObject = { ...fields, id: String(match.id) };
		updated.push({
			...(await checkedWrite(
				ctx,
				client,
				itemIndex,
				element,
				(await client.revise(element)) as IDataObject,
			)),
			upsertAction: 'updated',
		});
	}
	return updated;
}
