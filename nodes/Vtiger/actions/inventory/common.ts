import {
	NodeOperationError,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type INodeProperties,
} from 'n8n-workflow';

import { checkedRecordId } from '../../helpers/ids';
import { jsonParameter } from '../../helpers/json';
import type { VtigerClient } from '../../transport/client';
import type { VtigerRecord } from '../../transport/types';

export const inventoryModuleField: INodeProperties = {
	displayName: 'Module',
	name: 'module',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Invoice (Invoice)', value: 'Invoice' },
		{ name: 'Purchase Order (PurchaseOrder)', value: 'PurchaseOrder' },
		{ name: 'Quote (Quotes)', value: 'Quotes' },
		{ name: 'Sales Order (SalesOrder)', value: 'SalesOrder' },
	],
	default: 'Invoice',
};

const lineValues: INodeProperties[] = [
	{
		displayName: 'Product or Service',
		name: 'product',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProductsAndServices', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '14x77',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+x\\d+\\s*$',
							errorMessage: 'A record ID looks like 14x77',
						},
					},
				],
			},
		],
	},
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
	{
		displayName: 'List Price',
		name: 'listPrice',
		type: 'string',
		default: '',
		placeholder: '40.00',
		description:
			"The unit price; the product's unit price when empty (always give it for services, Vtiger takes 0 otherwise)",
	},
	{
		displayName: 'Discount Percent',
		name: 'discountPercent',
		type: 'string',
		default: '',
		placeholder: '10',
	},
	{
		displayName: 'Discount Amount',
		name: 'discountAmount',
		type: 'string',
		default: '',
		placeholder: '5.00',
	},
	{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
];

/** Line items: defined one by one, or as a JSON array in Vtiger's own keys (for mapping from other apps). */
export const lineItemsFields = (show: IDisplayOptions['show'] = {}): INodeProperties[] => [
	{
		displayName: 'Line Items Input',
		name: 'lineItemsInput',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'list' },
			{
				name: 'JSON',
				value: 'json',
				description:
					"An array of lines in Vtiger's keys (productid, quantity, listprice and others)",
			},
		],
		default: 'list',
		displayOptions: { show },
	},
	{
		displayName: 'Line Items',
		name: 'lineItems',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line Item',
		default: {},
		displayOptions: { show: { ...show, lineItemsInput: ['list'] } },
		options: [{ displayName: 'Line Item', name: 'item', values: lineValues }],
	},
	{
		displayName: 'Line Items (JSON)',
		name: 'lineItemsJson',
		type: 'json',
		default: '[\n  {"productid": "14x77", "quantity": 2, "listprice": 40}\n]',
		displayOptions: { show: { ...show, lineItemsInput: ['json'] } },
		description:
			"Vtiger's keys, such as productid, quantity, listprice, discount_percent, discount_amount, comment, tax1 and tax2",
	},
	{
		displayName: 'Tax Mode',
		name: 'taxMode',
		type: 'options',
		options: [
			{ name: "CRM's Default", value: '' },
			{ name: 'Group (One Tax on the Total)', value: 'group' },
			{ name: 'Individual (Tax per Line)', value: 'individual' },
		],
		default: '',
		displayOptions: { show },
		description: "Lines without tax percentages get the product's own tax rates",
	},
];

interface LineInput {
	product?: INodeParameterResourceLocator | string;
	quantity?: number;
	listPrice?: string;
	discountPercent?: string;
	discountAmount?: string;
	comment?: string;
}

const LINES_EXAMPLE = 'Such as [{"productid": "14x77", "quantity": 2, "listprice": 40}]';

function parsedJsonLines(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const lines = jsonParameter(
		ctx,
		itemIndex,
		{ name: 'lineItemsJson', displayName: 'Line Items (JSON)', hint: LINES_EXAMPLE },
		[],
	);
	if (
		!Array.isArray(lines) ||
		lines.some((l) => typeof l !== 'object' || l === null || Array.isArray(l))
	) {
		throw new NodeOperationError(ctx.getNode(), '"Line Items (JSON)" must be an array of objects', {
			itemIndex,
			description: LINES_EXAMPLE,
		});
	}
	return lines as IDataObject[];
}

function definedLines(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const lines = (ctx.getNodeParameter('lineItems.item', itemIndex, []) as LineInput[]) ?? [];
	return lines.map((line) => {
		const product = typeof line.product === 'object' ? line.product?.value : line.product;
		const out: IDataObject = { productid: product, quantity: String(line.quantity ?? 1) };
		const optional = {
			listprice: line.listPrice,
			discount_percent: line.discountPercent,
			discount_amount: line.discountAmount,
			comment: line.comment,
		};
		for (const [key, value] of Object.entries(optional))
			if (String(value ?? '').trim() !== '') out[key] = String(value).trim();
		return out;
	});
}

/** The item's line items in Vtiger's keys, each with a checked product id and the product's taxes where none are given. */
export async function lineItemsOf(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const lines =
		ctx.getNodeParameter('lineItemsInput', itemIndex, 'list') === 'json'
			? parsedJsonLines(ctx, itemIndex)
			: definedLines(ctx, itemIndex);
	if (lines.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'An inventory record needs at least one line item',
			{ itemIndex },
		);
	}
	return await Promise.all(
		lines.map(async (line, position) => {
			const productid = checkedRecordId(
				ctx,
				line.productid,
				`Line item ${position + 1}: product`,
				itemIndex,
			);
			const given = Object.keys(line).some((key) => /^tax\d+$/.test(key));
			return given
				? { ...line, productid }
				: { ...line, productid, ...(await productTaxes(client, productid)) };
		}),
	);
}

/** A product's or service's tax rates (`tax1`, `tax2`, ... on retrieve, docs/vtiger-webservice.md#product-taxes-and-prices), read once per execution. */
async function productTaxes(client: VtigerClient, productId: string): Promise<IDataObject> {
	return await client.memo(`taxes:${productId}`, async () => {
		const product = await client.retrieve(productId);
		return Object.fromEntries(
			Object.entries(product).filter(([key]) => /^tax\d+$/.test(key)),
		) as IDataObject;
	});
}

/** Header fields that come with the line items (docs/vtiger-webservice.md#inventory-create): the first product mirrored, the tax mode. */
export function withLines(
	ctx: IExecuteFunctions,
	itemIndex: number,
	header: IDataObject,
	lines: IDataObject[],
): VtigerRecord {
	const taxMode = ctx.getNodeParameter('taxMode', itemIndex, '') as string;
	return {
		...header,
		...(taxMode ? { hdnTaxType: taxMode } : {}),
		productid: lines[0].productid,
		LineItems: lines,
	};
}
