import type { VtigerReply } from './response';
import type { WireParams } from './wire';

/** Session-class codes: the session is gone, log in again and retry once (reference 4.5, 16). */
export const SESSION_ERROR_CODES = new Set<string | number>([
	'INVALID_SESSIONID',
	'SESSION_EXPIRED',
	'SESSION_LEFT_IDLE',
	'AUTHENTICATION_REQUIRED',
]);

/** Operations that always end in HTTP 500 on Vtiger 8.x under PHP 8 (reference 3.2, 21.1). */
export const OPERATIONS_BROKEN_ON_PHP8: Record<string, string> = {
	sync: 'Vtiger 8.x on PHP 8 cannot run "sync" (a known server defect).',
	logout:
		'Vtiger 8.x on PHP 8 cannot end a session over the API (a known server defect); the session stays valid.',
	convertlead:
		'Vtiger 8.x on PHP 8 cannot convert leads over the API (a known server defect); nothing was converted.',
	files_retrieve: 'Vtiger 8.x on PHP 8 cannot download files over the API (a known server defect).',
	retrieve_inventory:
		'Vtiger 8.x on PHP 8 cannot run "retrieve_inventory" (a known server defect); use Get instead.',
};

/** Reference 14.3 / 21 row 11: an inventory write with LineItems on Vtiger 8.x under PHP 8. */
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

/**
 * A user Vtiger lets use no module over its webservice (listtypes holds only Groups, Currency, Tax
 * and the like). On 8.3.0 that is every user who is not an admin (a defect of that release).
 * The one place that says what to do about it.
 */
export function explainNoModules(username: string, vtigerVersion: string): ErrorText {
	return {
		message:
			vtigerVersion === '8.3.0'
				? `This Vtiger denies the user "${username}" every module over its webservice (a defect of Vtiger 8.3.0 for every user who is not an administrator): use an administrator user in the credential, or give the profile of this user's role the global "View all" or "Edit all" privilege (Settings > Profiles)`
				: `Vtiger lets the user "${username}" use no module over its webservice: give the user a role whose profile permits modules, or use an administrator user in the credential`,
		description: `Vtiger lists only non-record types such as Groups, Currency and Tax for "${username}", and answers "Permission to perform the operation is denied" for every module.`,
	};
}

const named = (words: string, id: string | undefined) => (id ? `${words} ${id}` : words);

/** Quotes, Sales Orders, Invoices and Purchase Orders (reference 14). */
export const INVENTORY_MODULES = new Set(['Quotes', 'SalesOrder', 'Invoice', 'PurchaseOrder']);

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

const WRITE_OPERATIONS = new Set([
	'create',
	'update',
	'revise',
	'delete',
	'add_related',
	'convertlead',
]);

export interface ErrorText {
	message: string;
	description?: string;
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
	const deniedModule = /denied for name : (.*)$/.exec(vtigerMessage);
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
	if (code === 'INVALID_USER_CREDENTIALS') {
		return {
			message: 'Vtiger rejected the access key',
			description: `Check the user name and the access key (My Preferences > User Advanced Options > Access Key); an inactive user is rejected the same way. ${raw}`,
		};
	}
	if (code === 'ACCESSKEY_UNDEFINED') {
		return {
			message: 'This Vtiger user has no access key',
			description: `Create one in the user's preferences, or use another user. ${raw}`,
		};
	}
	if (code === 'ACCESS_DENIED' && /username does not exists/.test(vtigerMessage)) {
		return { message: 'Vtiger does not know this user name', description: raw };
	}
	return { message: vtigerMessage || `Vtiger answered with error ${code}`, description: raw };
}

/** A session-class failure that came back after the node had logged in again and repeated the request once. */
export function explainSessionLostAgain(
	operation: string,
	code: string | number,
	vtigerMessage: string,
): ErrorText {
	return {
		message: 'Vtiger rejected a brand-new session: the request was not run',
		description: `The node logged in again and repeated "${operation}" once, and Vtiger rejected that session too. Something on the server ends sessions at once: check its PHP session storage (session.save_path writable and not full). Vtiger said: "${vtigerMessage}" (code ${code}, operation ${operation})`,
	};
}

/** A clear sentence for an answer that is not Vtiger JSON at all. */
export function explainNotJson(
	operation: string,
	reply: Extract<VtigerReply, { kind: 'notJson' }>,
): ErrorText {
	const broken = OPERATIONS_BROKEN_ON_PHP8[operation];
	const body = reply.isEmpty
		? 'an empty body'
		: reply.isHtml
			? 'an HTML page'
			: 'a body that is not JSON';
	const seen = `The server answered "${operation}" with HTTP ${reply.httpStatus} and ${body}${
		reply.isEmpty ? '' : `: ${reply.bodyStart}`
	}`;
	if (broken && reply.httpStatus >= 500) {
		return { message: broken, description: seen };
	}
	const saved = WRITE_OPERATIONS.has(operation)
		? ' The change may have been saved: check the record before trying again.'
		: '';
	if (reply.isHtml || reply.httpStatus === 404) {
		return {
			message: `The server did not answer like Vtiger's webservice (HTTP ${reply.httpStatus}, ${body})`,
			description: `Check the CRM URL in the credential: it must be the address of a Vtiger CRM.${saved} ${seen}`,
		};
	}
	if (reply.httpStatus >= 500) {
		return {
			message: `Vtiger failed with a server error (HTTP ${reply.httpStatus}, ${body}) while running "${operation}"`,
			description: `${seen}. This is a PHP error on the server; its error log says more.${saved}`,
		};
	}
	return {
		message: `Vtiger's answer to "${operation}" could not be read (${body})`,
		description: `${seen}.${saved}`,
	};
}

/** Node error codes of requests that got no HTTP answer at all. */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was closed unexpectedly',
	ECONNABORTED: 'the connection was aborted',
	ETIMEDOUT: 'the connection timed out',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	ENOTFOUND: 'the host name was not found (DNS)',
	EAI_AGAIN: 'the host name could not be looked up (DNS)',
};

/** Failures after which the server may have received the request and run it. */
const MAYBE_RAN = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT']);

export interface RequestSituation {
	operation?: string;
	/** The timeout the request ran with, to tell a timeout from other aborts. */
	timeoutMs?: number;
}

/** For writes the server may have run: what may have happened, as a clause, else ''. */
const mayHaveRun = (operation: string | undefined) =>
	!operation || !WRITE_OPERATIONS.has(operation)
		? ''
		: operation === 'create'
			? 'the record may have been created all the same'
			: 'the change may have been saved all the same';

const checkFirst = (operation: string | undefined) =>
	mayHaveRun(operation)
		? ` Vtiger may have run "${operation}": check in the CRM before running the item again (the node does not send it again).`
		: '';

/** A clear sentence for a request that got no HTTP answer at all. */
export function explainNetworkError(
	error: unknown,
	url: string,
	situation: RequestSituation = {},
): ErrorText {
	// n8n wraps the socket error (NodeApiError around an AxiosError around a system error): read them all.
	const chain: Array<{ code?: unknown; httpCode?: unknown; message?: unknown; cause?: unknown }> =
		[];
	for (
		let e = error as (typeof chain)[number] | undefined;
		e && chain.length < 5;
		e = e.cause as typeof e
	)
		chain.push(e);
	const code =
		chain
			.map((e) => [e.code, e.httpCode])
			.flat()
			.find((c): c is string => typeof c === 'string' && /^E[A-Z_]+$|CERT|SSL/.test(c)) ?? '';
	const messages = chain.map((e) => String(e.message ?? '')).join(' ');
	const innermost = String(chain.at(-1)?.message ?? error);
	const { operation, timeoutMs } = situation;
	const host = (() => {
		try {
			return new URL(url).host;
		} catch {
			return url;
		}
	})();
	if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/i.test(`${code} ${messages}`)) {
		return {
			message: `The TLS (https) connection to ${host} failed: ${code || innermost}`,
			description:
				'The server certificate is not trusted. Fix the certificate, or turn on "Ignore SSL Issues" in the credential if you trust this server.',
		};
	}
	if (
		timeoutMs !== undefined &&
		(/timeout of \d+ms exceeded/.test(messages) ||
			(code === 'ECONNABORTED' && /timeout/i.test(messages)))
	) {
		const seconds = Math.round(timeoutMs / 100) / 10;
		const maybe = mayHaveRun(operation);
		return {
			message: `The Vtiger server at ${host} did not answer${operation ? ` "${operation}"` : ''} within ${seconds} s${maybe ? `; ${maybe}` : ''}`,
			description: `If the server is just slow, raise "Timeout (Seconds)" in the credential (now ${seconds}).${checkFirst(operation)}`,
		};
	}
	// n8n replaces messages that contain a Node error code, so the code goes into the description.
	const reason = NETWORK_FAILURES[code];
	if (reason) {
		return {
			message: `Cannot reach the Vtiger server at ${host}: ${reason}`,
			description: `Check the CRM URL in the credential and that the server is up and reachable from n8n (${code}).${
				MAYBE_RAN.has(code) ? checkFirst(operation) : ''
			}`,
		};
	}
	return {
		message: `The request to ${host} failed: ${innermost}`,
		description: `Check the CRM URL and the network.${checkFirst(operation)}`,
	};
}
