import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { checkedRecordId, recordIdOf } from '../../helpers/ids';
import type { VtigerClient } from '../../transport/client';
import { addCheckedRelation, isInactiveDocument } from '../../helpers/relations';
import { moduleField, recordIdField } from '../common.descriptions';
import { relationField, relationOf } from './common';

const properties: INodeProperties[] = [
	moduleField,
	recordIdField,
	relationField,
	{
		displayName: 'Related Record ID',
		name: 'relatedRecordId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '15x77',
		description: 'The record to link, e.g. a document',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['related'], operation: ['add'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const sourceRecordId = await recordIdOf(ctx, client, itemIndex);
	const relation = await relationOf(ctx, client, itemIndex);
	const relatedRecordId = checkedRecordId(
		ctx,
		ctx.getNodeParameter('relatedRecordId', itemIndex),
		'Related Record ID',
		itemIndex,
	);
	if (!(await addCheckedRelation(client, sourceRecordId, relatedRecordId, relation))) {
		if (relation.module === 'Documents' && (await isInactiveDocument(client, relatedRecordId))) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The document ${relatedRecordId} is inactive, and Vtiger leaves inactive documents out of relations`,
				{
					itemIndex,
					description:
						"Vtiger does not show the link while the document's Active field (filestatus) is off. Update the document with filestatus 1, then link it again. Documents made by this node (Create, Upload) are active.",
				},
			);
		}
		throw new NodeOperationError(
			ctx.getNode(),
			`Vtiger did not link ${relatedRecordId} to ${sourceRecordId} through "${relation.label}"`,
			{
				itemIndex,
				description:
					'Vtiger reports success even when it links nothing: the record may not exist, belong to another module, already be linked through a reference field (one-to-many relations such as Contacts of an organization are set with the reference field instead), or the relation may not take links.',
			},
		);
	}
	return { sourceRecordId, relatedRecordId, relation: relation.label, linked: true };
}
