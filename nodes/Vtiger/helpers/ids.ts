import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';

import type { VtigerClient } from '../transport/client';

const WS_ID = /^\d+x\d+$/;

/** A Vtiger record id such as `12x34` (module prefix, `x`, record number), checked before it is sent. */
export function checkedRecordId(
	ctx: IExecuteFunctions,
	value: unknown,
	fieldName: string,
	itemIndex: number,
): string {
	const id = String(value ?? '').trim();
	if (id === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${fieldName}" is empty: give a record ID such as 12x34, or pick the record from the list`,
			{
				itemIndex,
				description: 'An expression for the ID may have found no value in this item.',
			},
		);
	}
	if (!WS_ID.test(id)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${fieldName}" must be a Vtiger record ID such as 12x34, not "${id}"`,
			{
				itemIndex,
				description:
					'A record ID is the module prefix, an "x" and the record number. Get and Get Many return it in the "id" field.',
			},
		);
	}
	return id;
}

/** The ws id of a CRM detail-view URL (`index.php?module=Contacts&view=Detail&record=34`): the module's prefix, x, the record. */
async function idFromCrmUrl(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	url: string,
	fieldName: string,
	itemIndex: number,
): Promise<string> {
	const parsed = URL.canParse(url) ? new URL(url) : undefined;
	const module = parsed?.searchParams.get('module') ?? '';
	const record = parsed?.searchParams.get('record') ?? '';
	if (!/^[A-Za-z_]\w*$/.test(module) || !/^\d+$/.test(record)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${fieldName}" by URL needs the address of a record's page in the CRM, not "${url}"`,
			{
				itemIndex,
				description:
					'Such as https://crm.example.com/index.php?module=Contacts&view=Detail&record=34',
			},
		);
	}
	const { idPrefix } = await client.describe(module);
	return `${idPrefix}x${record}`;
}

/** The record an item names through the record picker called `fieldName` (from list, by ID or by CRM URL). */
export async function recordIdOf(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
	fieldName = 'Record',
): Promise<string> {
	const locator = ctx.getNodeParameter('recordId', itemIndex) as
		| INodeParameterResourceLocator
		| string;
	if (typeof locator !== 'object' || locator === null)
		return checkedRecordId(ctx, locator, fieldName, itemIndex);
	if (locator.mode === 'url')
		return await idFromCrmUrl(
			ctx,
			client,
			String(locator.value ?? '').trim(),
			fieldName,
			itemIndex,
		);
	return checkedRecordId(ctx, locator.value, fieldName, itemIndex);
}

/**
 * The module whose id prefix a ws id carries, found through listtypes and describe. What a search
 * learns is kept by the process for the CRM user (an install's prefixes never change), so it is
 * searched once per process, not once per execution.
 */
export async function moduleOfRecordId(
	client: VtigerClient,
	id: string,
): Promise<string | undefined> {
	const prefix = id.split('x')[0];
	const known = await client.remember(
		'modules-by-prefix',
		Number.POSITIVE_INFINITY,
		async () => new Map<string, string>(),
	);
	return (
		known.get(prefix) ??
		(await client.memo(`module-of-prefix:${prefix}`, async () => {
			const { types } = await client.listTypes();
			for (const module of types) {
				const description = await client.describe(module).catch(() => undefined);
				if (description?.idPrefix) known.set(description.idPrefix, module);
				if (description?.idPrefix === prefix) return module;
			}
			return undefined;
		}))
	);
}
