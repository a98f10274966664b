import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { recordIdOf } from '../../helpers/ids';
import type { VtigerClient } from '../../transport/client';
import { assignToOption, recordOfModuleField } from '../common.descriptions';
import { createInstead, type ConversionRequest } from './createInstead';
import { currentUserId } from '../../helpers/currentUser';

const whenCreating = (flag: string) => ({ show: { [flag]: [true] } });

const properties: INodeProperties[] = [
	recordOfModuleField('Lead', '10x501', 'searchLeads'),
	{ displayName: 'Create Organization', name: 'createAccount', type: 'boolean', default: true },
	{
		displayName: 'Organization Name',
		name: 'accountName',
		type: 'string',
		default: '',
		displayOptions: whenCreating('createAccount'),
		description:
			"The lead's company when empty. An organization with exactly this name is reused instead of created.",
	},
	{ displayName: 'Create Contact', name: 'createContact', type: 'boolean', default: true },
	{ displayName: 'Create Opportunity', name: 'createPotential', type: 'boolean', default: false },
	{
		displayName: 'Opportunity Name',
		name: 'potentialName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: whenCreating('createPotential'),
	},
	{
		displayName: 'Expected Close Date',
		name: 'closingDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: whenCreating('createPotential'),
	},
	{
		displayName: 'Sales Stage',
		name: 'salesStage',
		type: 'string',
		default: 'Prospecting',
		required: true,
		displayOptions: whenCreating('createPotential'),
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		displayOptions: whenCreating('createPotential'),
	},
	{
		displayName: 'Options',
		name: 'convertOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			assignToOption('the new records'),
			{
				displayName: 'Move Related Records To',
				name: 'transferTo',
				type: 'options',
				options: [
					{ name: 'Contact', value: 'Contacts' },
					{ name: 'Organization', value: 'Accounts' },
					{ name: 'Opportunity', value: 'Potentials' },
				],
				default: 'Contacts',
				description: "Where the lead's activities, documents and comments go",
			},
			{
				displayName: 'Create Records If Vtiger Cannot Convert',
				name: 'createInstead',
				type: 'boolean',
				default: false,
				description:
					"Whether to create the organization, contact and opportunity from the lead's fields with ordinary creates where Vtiger cannot convert leads (8.x on PHP 8). The lead then stays in Leads, unconverted, and its related records stay with it; the output says converted: false.",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['lead'], operation: ['convert'] } },
	properties,
);

export async function execute(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject> {
	const leadId = await recordIdOf(ctx, client, itemIndex, 'Lead');
	const wants = (flag: string) => ctx.getNodeParameter(flag, itemIndex, false) as boolean;
	if (!wants('createAccount') && !wants('createContact')) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Converting a lead needs "Create Organization" or "Create Contact"',
			{ itemIndex },
		);
	}
	const options = ctx.getNodeParameter('convertOptions', itemIndex, {}) as IDataObject;
	const entities: ConversionRequest['entities'] = {};
	if (wants('createAccount')) {
		const accountname = String(ctx.getNodeParameter('accountName', itemIndex, '') ?? '').trim();
		entities.Accounts = accountname ? { accountname } : {};
	}
	if (wants('createContact')) entities.Contacts = {};
	if (wants('createPotential')) {
		entities.Potentials = {
			potentialname: ctx.getNodeParameter('potentialName', itemIndex) as string,
			closingdate: String(ctx.getNodeParameter('closingDate', itemIndex)).slice(0, 10),
			sales_stage: ctx.getNodeParameter('salesStage', itemIndex) as string,
			amount: String(ctx.getNodeParameter('amount', itemIndex, 0)),
		};
	}
	const owner = String(options.assignTo || (await currentUserId(client)));
	const element = {
		leadId,
		assignedTo: owner,
		transferRelatedRecordsTo: String(options.transferTo || 'Contacts'),
		entities: Object.fromEntries(
			Object.entries(entities).map(([name, values]) => [name, { create: true, name, ...values }]),
		),
	};
	const params = { element: JSON.stringify(element) };
	// Vtiger 8.x on PHP 8 cannot convert (docs/vtiger-webservice.md#broken-on-php-8): ordinary creates instead, if asked.
	const defect = Symbol('convertlead crashed');
	const converted = options.createInstead
		? await client.callOrOnDefect<unknown>('convertlead', params, () => defect)
		: await client.call('convertlead', params);
	if (converted === defect)
		return await createInstead(ctx, client, itemIndex, { leadId, owner, entities });
	const created = converted as Record<string, string> | null;
	if (!created) {
		throw new NodeOperationError(ctx.getNode(), `Vtiger did not convert lead ${leadId}`, {
			itemIndex,
			description:
				'Vtiger answered without new records: a step after creating them failed, and it removed them again. The lead is unchanged.',
		});
	}
	return {
		leadId,
		accountId: created.Accounts ?? null,
		contactId: created.Contacts ?? null,
		potentialId: created.Potentials ?? null,
		converted: true,
	};
}
