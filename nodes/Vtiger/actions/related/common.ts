import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { moduleName } from '../../helpers/modules';
import type { VtigerClient } from '../../transport/client';
import { relationsOf, type Relation } from '../../helpers/relations';

export const relationField: INodeProperties = {
	displayName: 'Relation Name or ID',
	name: 'relation',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getRelations', loadOptionsDependsOn: ['module.value'] },
	default: '',
	required: true,
	description:
		'The related list, as Vtiger labels it (Contacts, Documents, Activities, ...). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The relation an item names, checked against the module's relations. */
export async function relationOf(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<Relation> {
	const module = moduleName(ctx, itemIndex);
	const label = String(ctx.getNodeParameter('relation', itemIndex) ?? '').trim();
	const relations = await relationsOf(client, module);
	const relation = relations.find((r) => r.label === label);
	if (!relation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Relation": ${module} has no relation "${label}"`,
			{
				itemIndex,
				description: `Relations of ${module}: ${relations.map((r) => r.label).join(', ')}`,
			},
		);
	}
	return relation;
}
