import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { VtigerClient } from '../transport/client';

type StoredDifferently = {
	field: string;
	sent: string;
	stored: string;
	message: string;
};

// Vtiger's utf8 (3-byte) columns store each character beyond them, such as an emoji, as "?" per byte ("????" on 8.3.0).
const BEYOND_UTF8MB3 = /[\u{10000}-\u{10FFFF}]/gu;
const squeezed = (s: string) => s.replace(/\?+/g, '?');
const length = (s: string) => [...s].length;

/** How Vtiger lost part of a text it answered success for, if it did: emoji replaced, text cut or dropped (docs/vtiger-webservice.md#stored-text). */
function loss(field: string, sent: string, stored: string): string | undefined {
	const storable = sent.replace(BEYOND_UTF8MB3, '?');
	if (stored === sent || !squeezed(storable).startsWith(squeezed(stored))) return undefined;
	if (stored === '') return `Vtiger stored "${field}" empty`;
	const how = [
		storable !== sent ? 'with "?" for characters it cannot store (such as emoji)' : '',
		length(stored) < length(storable)
			? `cut to ${length(stored)} characters (${length(sent)} sent)`
			: '',
	];
	return `Vtiger stored "${field}" ${how.filter((s) => s).join(' and ')}`;
}

/** The sent text values that came back with part of them lost. */
export function storedDifferently(sent: IDataObject, record: IDataObject): StoredDifferently[] {
	const found: StoredDifferently[] = [];
	for (const [field, value] of Object.entries(sent)) {
		const stored = record[field];
		if (
			field === 'id' ||
			(typeof value !== 'string' && typeof value !== 'number') ||
			typeof stored !== 'string'
		)
			continue;
		const message = loss(field, String(value), stored);
		if (message) found.push({ field, sent: String(value), stored, message });
	}
	return found;
}

/**
 * A written record as the item returns it: by default with `warnings` naming the values Vtiger
 * stored otherwise than sent; with "Values Stored Differently" set to fail, an error instead.
 */
export async function checkedWrite(
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
	sent: IDataObject,
	record: IDataObject,
): Promise<IDataObject> {
	const differences = storedDifferently(sent, record);
	if (differences.length === 0) return record;
	const warnings = await client.withoutSecrets(differences);
	if (ctx.getNodeParameter('writeOptions.storedDifferently', itemIndex, 'warn') === 'fail') {
		throw new NodeOperationError(
			ctx.getNode(),
			`${warnings[0].message}; the record ${String(record.id)} was saved that way`,
			{
				itemIndex,
				description: `${warnings.map((w) => `${w.message}: sent "${w.sent}", stored "${w.stored}".`).join(' ')} Shorten the text or leave out what Vtiger cannot store, then update the record.`,
			},
		);
	}
	return { ...record, warnings };
}
