import type { ErrorText } from '../transport/errors';
import type { WireParams } from '../transport/wire';
import { INVENTORY_MODULES } from './inventory';

/*
 * The sentences for Vtiger's `success:false` answers. They live above the transport because they
 * point at the node's own fields and operations (Module > List, Get Many, Inventory > Update).
 */

const named = (words: string, id: string | undefined) => (id ? `${words} ${id}` : words);

function recordIdIn(params: WireParams): string | undefined {
	if (typeof params.id === 'string' && params.id) return params.id;
	if (typeof params.element !== 'string' || !params.element) return undefined;
	try {
		const id = (JSON.parse(params.element) as { id?: unknown }).id;
		return typeof id === 'string' ? id : undefined;
	} catch {
		return undefined;
	}
}

/** The owner a create or update sent, if it sent one as text (Vtiger takes a number or a text holding an ID such as 19x1). */
function ownerIn(params: WireParams): string | undefined {
	if (typeof params.element !== 'string') return undefined;
	try {
		const owner = (JSON.parse(params.element) as { assigned_user_id?: unknown }).assigned_user_id;
		return typeof owner === 'string' ? owner : undefined;
	} catch {
		return undefined;
	}
}

/** The module a VTQL query reads (Vtiger names none when it denies a known module). */
function queriedModule(params: WireParams): string | undefined {
	return typeof params.query === 'string'
		? /\bfrom\s+([A-Za-z_]\w*)/i.exec(params.query)?.[1]
		: undefined;
}

/** A clear sentence for Vtiger's `success:false` answers. */
export function explainFailure(
	operation: string,
	code: string | number,
	vtigerMessage: string,
	params: WireParams = {},
): ErrorText {
	const raw = `Vtiger said: "${vtigerMessage}" (code ${code}, operation ${operation})`;
	const elementType = typeof params.elementType === 'string' ? params.elementType : '';
	const mandatory = /^(\S+) does not have a value/.exec(vtigerMessage);
	if (code === 'MANDATORY_FIELDS_MISSING' && mandatory) {
		return {
			message: `The mandatory field "${mandatory[1]}" has no value`,
			description: `Give "${mandatory[1]}" a non-empty value. ${raw}`,
		};
	}
	if (code === 0 || code === '0') {
		return {
			message: 'Vtiger refused to save a duplicate record',
			description: `Duplicate prevention is on for this module: a record with the same unique field values exists. Search for it and update it instead. ${raw}`,
		};
	}
	const deniedModule = /denied for name : (.+)$/.exec(vtigerMessage);
	if (code === 'ACCESS_DENIED' && deniedModule) {
		return {
			message: `The module "${deniedModule[1]}" does not exist or this user may not use it`,
			description: `Module names are case-sensitive (Contacts, Accounts, HelpDesk, ...). Module > List shows the modules this user can use. ${raw}`,
		};
	}
	const deniedField = /Permission to access '?\.?([^'. ]+)\.?'? attribute denied/.exec(
		vtigerMessage,
	);
	if (code === 'ACCESS_DENIED' && deniedField) {
		return {
			message: `The field "${deniedField[1]}" does not exist in this module or this user may not see it`,
			description: `Field names are case-sensitive; Module > Describe lists them. ${raw}`,
		};
	}
	if (code === 'ACCESS_DENIED' && /denied for id/.test(vtigerMessage)) {
		return {
			message: 'The record ID names no module this user can use',
			description: `The part before the "x" of a record ID (such as 12 in 12x34) identifies the module. ${raw}`,
		};
	}
	const forbiddenModule =
		operation === 'describe'
			? elementType
			: operation === 'query'
				? queriedModule(params)
				: undefined;
	if (
		code === 'ACCESS_DENIED' &&
		vtigerMessage === 'Permission to perform the operation is denied' &&
		forbiddenModule
	) {
		return {
			message: `This user may not use the module "${forbiddenModule}"`,
			description: `The module exists, but Vtiger does not let this user use it over the webservice (the profile of the user's role does not permit it). Module > List shows the modules this user can use. ${raw}`,
		};
	}
	if (
		code === 'ACCESS_DENIED' &&
		vtigerMessage === 'Permission to perform the operation is denied'
	) {
		return operation === 'create'
			? {
					message: `The module "${elementType}" does not exist or this user may not create records in it`,
					description: `Module names are case-sensitive (Contacts, Accounts, HelpDesk, ...). ${raw}`,
				}
			: {
					message: `${named('The record', recordIdIn(params))} was not found, was deleted, or this user may not access it`,
					description: `Check the ID: Get Many finds records, and a record deleted in the CRM is gone for the API too. Vtiger answers the same when the user lacks permission on the record or on its module (Module > List shows the modules this user can use). ${raw}`,
				};
	}
	const owner = ownerIn(params);
	if (
		code === 'INVALID_ID_ATTRIBUTE' &&
		owner !== undefined &&
		!/^\d+$/.test(owner) &&
		!/\d+x\d+/.test(owner)
	) {
		return {
			message: `The owner "${owner}" in assigned_user_id is not the ID of a user or group, such as 19x1`,
			description: `Values given as JSON or as name/value pairs are sent to Vtiger as written; the field mapper and "Assign To" under Options also take user and group names. ${raw}`,
		};
	}
	if (
		code === 'INVALID_ID_ATTRIBUTE' &&
		operation === 'create' &&
		INVENTORY_MODULES.has(elementType)
	) {
		return {
			message: `This Vtiger cannot create ${elementType} records over the API (a known defect of Vtiger 8.3.0); nothing was saved`,
			description: `Vtiger 8.3.0 rejects every inventory create with "Id specified is incorrect", whatever the data. Create the record in the CRM, then change it with Inventory > Update; Vtiger 7.x and 8.0 to 8.2 are not affected. ${raw}`,
		};
	}
	if (code === 'INVALID_ID_ATTRIBUTE') {
		return {
			message: `${named('The record ID', recordIdIn(params))} is not valid for this record`,
			description: `A record ID looks like 12x34, and its prefix must be the prefix of the record's own module (Calendar and Events differ). ${raw}`,
		};
	}
	if (code === 'REFERENCE_INVALID') {
		const field = /specified for (\S+)/.exec(vtigerMessage)?.[1];
		return {
			message: field
				? `The field "${field}" points to a record of a module it cannot refer to`
				: vtigerMessage,
			description: `Reference fields take the ID (such as 11x22) of a record of one of the modules the field refers to. ${raw}`,
		};
	}
	if (code === 'QUERY_SYNTAX_ERROR') {
		return { message: `The VTQL query is not valid: ${vtigerMessage}`, description: raw };
	}
	return { message: vtigerMessage || `Vtiger answered with error ${code}`, description: raw };
}

/** An inventory write with LineItems on Vtiger 8.x under PHP 8 (docs/vtiger-webservice.md#line-item-writes). */
export function explainLineItemsCrash(
	recordId: string | undefined,
	left: Record<string, unknown> | undefined,
): ErrorText {
	const defect =
		'Vtiger 8.x on PHP 8 saves an inventory record and its line items, then fails before computing the totals (a known server defect)';
	if (!recordId) {
		return {
			message: `${defect}: the record may have been created without totals`,
			description:
				'Look for it in the CRM and save it there once to compute its totals before creating it again. Vtiger 7.x, and 8.x on PHP 7, are not affected.',
		};
	}
	const totals = left
		? ` It now holds subtotal ${String(left.hdnSubTotal)} and grand total ${String(left.hdnGrandTotal)}.`
		: '';
	return {
		message: `${defect}: ${recordId} has its new lines but wrong totals`,
		description: `Open ${recordId} in the CRM and save it once to recompute the totals.${totals} Change only header fields over the API on this server (Replace Line Items off).`,
	};
}
