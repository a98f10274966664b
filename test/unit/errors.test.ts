import * as failures from '../../nodes/Vtiger/helpers/failures';
import * as errors from '../../nodes/Vtiger/transport/errors';

const { explainNetworkError, explainNoModules, explainNotJson, SESSION_ERROR_CODES } = errors;
const { explainFailure, explainLineItemsCrash } = failures;

const DENIED = 'Permission to perform the operation is denied';

describe('explainFailure', () => {
	// Codes and messages as Vtiger 8.3.0 sends them (docs/vtiger-webservice.md#record-ids, #references-and-owners, #duplicate-prevention, #module-rules-in-queries, #query-errors, #error-codes, #defects-by-version).
	test.each([
		[
			'create',
			'MANDATORY_FIELDS_MISSING',
			'lastname does not have a value',
			{},
			['mandatory field "lastname" has no value'],
			['Give "lastname" a non-empty value'],
		],
		['revise', 'MANDATORY_FIELDS_MISSING', 'subject does not have a value', {}, ['"subject"'], []],
		[
			'create',
			'MANDATORY_FIELDS_MISSING',
			'Mandatory Fields Missing..',
			{ elementType: 'Quotes' },
			['Mandatory Fields Missing..'],
			[],
		],
		[
			'create',
			0,
			'Duplicate(s) detected!',
			{ elementType: 'Accounts' },
			['refused to save a duplicate record'],
			['Duplicate prevention is on', 'update it instead'],
		],
		['update', '0', 'Duplicate(s) detected!', {}, ['duplicate'], []],
		[
			'query',
			'ACCESS_DENIED',
			`${DENIED} for name : leads`,
			{ query: 'SELECT * FROM leads;' },
			['The module "leads" does not exist or this user may not use it'],
			['case-sensitive'],
		],
		[
			'describe',
			'ACCESS_DENIED',
			`${DENIED} for name : Contact`,
			{ elementType: 'Contact' },
			['"Contact"'],
			['Module > List'],
		],
		[
			'query',
			'ACCESS_DENIED',
			"Permission to access '.nosuchfield.' attribute denied.",
			{},
			['The field "nosuchfield" does not exist in this module or this user may not see it'],
			['Module > Describe'],
		],
		[
			'query',
			'ACCESS_DENIED',
			'Permission to access nosuch attribute denied.',
			{},
			['The field "nosuch"'],
			[],
		],
		[
			'query',
			'ACCESS_DENIED',
			"Permission to access 'cf_853' attribute denied.",
			{},
			['The field "cf_853"'],
			[],
		],
		[
			'retrieve',
			'ACCESS_DENIED',
			`${DENIED} for id`,
			{ id: '99x5' },
			['The record ID names no module this user can use'],
			['12 in 12x34'],
		],
		[
			'describe',
			'ACCESS_DENIED',
			DENIED,
			{ elementType: 'Potentials' },
			['This user may not use the module "Potentials"'],
			['profile'],
		],
		[
			'query',
			'ACCESS_DENIED',
			DENIED,
			{ query: 'SELECT * FROM Potentials;' },
			['may not use the module "Potentials"'],
			[],
		],
		[
			'query',
			'ACCESS_DENIED',
			DENIED,
			{ query: "select id from HelpDesk where ticket_title = 'x';" },
			['"HelpDesk"'],
			[],
		],
		[
			'create',
			'ACCESS_DENIED',
			DENIED,
			{ elementType: 'Contacts', element: '{"lastname":"x"}' },
			['The module "Contacts" does not exist or this user may not create records in it'],
			[],
		],
		// docs/vtiger-webservice.md#defects-by-version: a deleted or missing record is ACCESS_DENIED, not RECORD_NOT_FOUND.
		[
			'retrieve',
			'ACCESS_DENIED',
			DENIED,
			{ id: '12x99' },
			['The record 12x99 was not found, was deleted, or this user may not access it'],
			['deleted in the CRM'],
		],
		['delete', 'ACCESS_DENIED', DENIED, { id: '12x5' }, ['The record 12x5 was not found'], []],
		[
			'revise',
			'ACCESS_DENIED',
			DENIED,
			{ element: '{"id":"12x7","lastname":"x"}' },
			['The record 12x7 was not found'],
			[],
		],
		['revise', 'ACCESS_DENIED', DENIED, { element: 'not json' }, ['The record was not found'], []],
		// docs/vtiger-webservice.md#references-and-owners: owners are ws ids; a name is an INVALID_ID_ATTRIBUTE.
		[
			'update',
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
			{ element: '{"id":"12x3","assigned_user_id":"admin"}' },
			['The owner "admin" in assigned_user_id is not the ID of a user or group, such as 19x1'],
			['"Assign To"'],
		],
		// docs/vtiger-webservice.md#inventory-create: every inventory create fails on 8.3.0.
		[
			'create',
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
			{ elementType: 'Quotes', element: '{"subject":"q"}' },
			['cannot create Quotes records', '8.3.0', 'nothing was saved'],
			['Inventory > Update'],
		],
		[
			'create',
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
			{ elementType: 'PurchaseOrder', element: '{"assigned_user_id":"19x1"}' },
			['cannot create PurchaseOrder records'],
			[],
		],
		[
			'retrieve',
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
			{ id: '9x12' },
			['The record ID 9x12 is not valid for this record'],
			['Calendar and Events differ'],
		],
		[
			'update',
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
			{ element: '{"id":"12x3","assigned_user_id":"19x1"}' },
			['The record ID 12x3 is not valid'],
			[],
		],
		[
			'update',
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
			{ element: '{"id":"12x3","assigned_user_id":"5"}' },
			['The record ID 12x3 is not valid'],
			[],
		],
		[
			'create',
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
			{ elementType: 'Contacts', element: '{}' },
			['The record ID is not valid'],
			[],
		],
		[
			'create',
			'REFERENCE_INVALID',
			'Invalid reference specified for account_id',
			{},
			['The field "account_id" points to a record of a module it cannot refer to'],
			['11x22'],
		],
		['create', 'REFERENCE_INVALID', 'Invalid reference', {}, ['Invalid reference'], []],
		[
			'query',
			'QUERY_SYNTAX_ERROR',
			"Syntax Error on line 1: token '2' Unexpected End of Input(0), expected one of: SEMICOLON",
			{},
			['The VTQL query is not valid: Syntax Error on line 1'],
			[],
		],
		[
			'create',
			'ACCESS_DENIED',
			'Cannot assign record to the given user',
			{},
			['Cannot assign record to the given user'],
			[],
		],
		[
			'query',
			'INTERNAL_SERVER_ERROR',
			'Unknown Error while processing request',
			{},
			['Unknown Error while processing request'],
			[],
		],
		[
			'query_related',
			'UNKOWN_ENTITY',
			'Relation specified is incorrect',
			{},
			['Relation specified is incorrect'],
			[],
		],
		['retrieve', 'UNKNOWN', '', {}, ['Vtiger answered with error UNKNOWN'], []],
	] as Array<[string, string | number, string, Record<string, string>, string[], string[]]>)(
		'%s → %p %p',
		(operation, code, vtigerMessage, params, inMessage, inDescription) => {
			const { message, description } = explainFailure(operation, code, vtigerMessage, params);
			for (const words of inMessage) expect(message).toContain(words);
			for (const words of inDescription) expect(description).toContain(words);
			// Vtiger's own words are never lost.
			expect(description).toContain(
				`Vtiger said: "${vtigerMessage}" (code ${code}, operation ${operation})`,
			);
		},
	);
});

describe('SESSION_ERROR_CODES', () => {
	// docs/vtiger-webservice.md#error-codes: re-login and retry once only for these.
	test.each([
		['INVALID_SESSIONID', true],
		['SESSION_EXPIRED', true],
		['SESSION_LEFT_IDLE', true],
		['AUTHENTICATION_REQUIRED', true],
		['AUTHENTICATION_FAILURE', false],
		['INVALID_AUTH_TOKEN', false],
		['ACCESS_DENIED', false],
		[0, false],
	])('%p: %p', (code, isSession) => {
		expect(SESSION_ERROR_CODES.has(code)).toBe(isSession);
	});
});

describe('explainNotJson', () => {
	const reply = (httpStatus: number, body: string) => ({
		kind: 'notJson' as const,
		httpStatus,
		bodyStart: body,
		isHtml: body.startsWith('<'),
		isEmpty: body === '',
	});
	const SAVED = 'may have been saved';
	test.each([
		// docs/vtiger-webservice.md#broken-on-php-8: five operations always end in an empty HTTP 500 on PHP 8.
		['sync', 500, '', ['cannot run "sync"', 'known server defect'], []],
		['logout', 500, '', ['cannot end a session', 'the session stays valid'], []],
		['convertlead', 500, '', ['cannot convert leads', 'nothing was converted'], []],
		['files_retrieve', 500, '', ['cannot download files'], []],
		['retrieve_inventory', 500, '', ['"retrieve_inventory"', 'use Get instead'], []],
		[
			'sync',
			200,
			'<html><body>Login</body></html>',
			["did not answer like Vtiger's webservice (HTTP 200, an HTML page)"],
			['Check the CRM URL'],
		],
		[
			'create',
			200,
			'<!DOCTYPE html><html>',
			["did not answer like Vtiger's webservice (HTTP 200, an HTML page)"],
			['Check the CRM URL', SAVED, ': <!DOCTYPE html><html>'],
		],
		[
			'retrieve',
			404,
			'<html>Not Found</html>',
			['(HTTP 404, an HTML page)'],
			['Check the CRM URL'],
		],
		[
			'query',
			404,
			'Not Found',
			['(HTTP 404, a body that is not JSON)'],
			['Check the CRM URL', ': Not Found'],
		],
		['query', 414, '<html>Request-URI Too Long</html>', ['(HTTP 414, an HTML page)'], []],
		// docs/vtiger-webservice.md#error-codes: after a 5xx on a write the save may have happened.
		[
			'create',
			500,
			'',
			['failed with a server error (HTTP 500, an empty body) while running "create"'],
			[SAVED, 'error log', 'HTTP 500 and an empty body'],
		],
		['revise', 500, '', ['while running "revise"'], [SAVED]],
		[
			'delete',
			503,
			'Service Unavailable',
			['(HTTP 503, a body that is not JSON)'],
			[SAVED, ': Service Unavailable'],
		],
		['add_related', 500, '', ['"add_related"'], [SAVED]],
		[
			'retrieve',
			500,
			'',
			['server error (HTTP 500, an empty body) while running "retrieve"'],
			['error log'],
		],
		['describe', 502, 'Bad Gateway', ['(HTTP 502, a body that is not JSON)'], ['Bad Gateway']],
		// docs/vtiger-webservice.md#operation-list: the restricted-file text of changePassword and deleteUser.
		[
			'changePassword',
			200,
			'Sorry! Attempt to access restricted file.',
			['answer to "changePassword" could not be read (a body that is not JSON)'],
			['Sorry! Attempt to access restricted file.'],
		],
		['update', 200, 'garbage', ['could not be read'], [SAVED]],
		['query', 200, '', ['could not be read (an empty body)'], ['HTTP 200 and an empty body']],
	])('%s, HTTP %i, body %p', (operation, status, body, inMessage, inDescription) => {
		const { message, description } = explainNotJson(operation, reply(status, body));
		for (const words of inMessage) expect(message).toContain(words);
		for (const words of inDescription) expect(description).toContain(words);
		expect(description).toContain(`The server answered "${operation}" with HTTP ${status}`);
		if (!['create', 'update', 'revise', 'delete', 'add_related', 'convertlead'].includes(operation))
			expect(`${message} ${description}`).not.toContain(SAVED);
	});
});

describe('explainNetworkError', () => {
	const url = 'https://crm.example.com/webservice.php';
	// n8n replaces a message that holds one of these codes with its own text.
	const N8N_REPLACED =
		/ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|ECONNABORTED|EHOSTUNREACH|EAI_AGAIN/;
	const MAY_HAVE_RUN = 'Vtiger may have run';
	test.each([
		[
			{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:443' },
			url,
			{},
			['Cannot reach the Vtiger server at crm.example.com: the connection was refused'],
			['(ECONNREFUSED)'],
		],
		[
			{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND crm.example.com' },
			url,
			{},
			['the host name was not found (DNS)'],
			['Check the CRM URL'],
		],
		[
			{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND crm.certainty.example' },
			'https://crm.certainty.example:8443/webservice.php',
			{},
			[
				'Cannot reach the Vtiger server at crm.certainty.example:8443: the host name was not found (DNS)',
			],
			['Check the CRM URL'],
		],
		[
			{ code: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN crm.example.com' },
			url,
			{},
			['could not be looked up (DNS)'],
			[],
		],
		[
			{ code: 'EHOSTUNREACH', message: 'connect EHOSTUNREACH' },
			url,
			{},
			['the host is unreachable'],
			[],
		],
		[
			{ code: 'ENETUNREACH', message: 'connect ENETUNREACH' },
			url,
			{},
			['the network is unreachable'],
			[],
		],
		[
			{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' },
			url,
			{ operation: 'create' },
			['the connection timed out'],
			[`${MAY_HAVE_RUN} "create"`],
		],
		[
			{ code: 'ECONNRESET', message: 'socket hang up' },
			url,
			{ operation: 'revise' },
			['closed unexpectedly'],
			[`${MAY_HAVE_RUN} "revise"`, 'does not send it again'],
		],
		[
			{ code: 'ECONNABORTED', message: 'aborted' },
			url,
			{ operation: 'delete' },
			['the connection was aborted'],
			[`${MAY_HAVE_RUN} "delete"`],
		],
		[
			{ code: 'ECONNRESET', message: 'socket hang up' },
			url,
			{ operation: 'retrieve' },
			['closed unexpectedly'],
			[],
		],
		// A refused connection never reached Vtiger: nothing may have run.
		[
			{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
			url,
			{ operation: 'create' },
			['refused'],
			[],
		],
		// n8n's wrapping: NodeApiError around an AxiosError around the socket error.
		[
			{
				name: 'NodeApiError',
				message: 'The service refused the connection',
				cause: {
					message: 'AxiosError',
					cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
				},
			},
			url,
			{},
			['the connection was refused'],
			['(ECONNREFUSED)'],
		],
		[{ message: 'Request failed', httpCode: 'ECONNRESET' }, url, {}, ['closed unexpectedly'], []],
		[
			{ message: 'timeout of 5000ms exceeded', code: 'ECONNABORTED' },
			url,
			{ operation: 'query', timeoutMs: 5000 },
			['The Vtiger server at crm.example.com did not answer "query" within 5 s'],
			['raise "Timeout (Seconds)"', '(now 5)'],
		],
		[
			{ message: 'timeout of 1500ms exceeded', code: 'ECONNABORTED' },
			url,
			{ operation: 'create', timeoutMs: 1500 },
			['within 1.5 s; the record may have been created all the same'],
			[`${MAY_HAVE_RUN} "create"`],
		],
		[
			{ message: 'outer', cause: { message: 'timeout of 60000ms exceeded' } },
			url,
			{ operation: 'update', timeoutMs: 60000 },
			['within 60 s; the change may have been saved all the same'],
			['(now 60)', `${MAY_HAVE_RUN} "update"`],
		],
		[
			{ message: 'timeout of 5000ms exceeded', code: 'ECONNABORTED' },
			url,
			{},
			['the connection was aborted'],
			[],
		],
		[
			{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' },
			url,
			{},
			['The TLS (https) connection to crm.example.com failed: DEPTH_ZERO_SELF_SIGNED_CERT'],
			['Ignore SSL Issues'],
		],
		[
			{
				code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
				message: 'unable to verify the first certificate',
			},
			url,
			{},
			['The TLS (https) connection to crm.example.com failed'],
			['certificate'],
		],
		[
			{
				code: 'ERR_TLS_CERT_ALTNAME_INVALID',
				message: "Hostname/IP does not match certificate's altnames",
			},
			url,
			{},
			['failed: ERR_TLS_CERT_ALTNAME_INVALID'],
			[],
		],
		[
			{ code: 'EPROTO', message: 'write EPROTO wrong version number' },
			'https://crm.example.com:8080/webservice.php',
			{},
			['TLS (https) connection to crm.example.com:8080'],
			[],
		],
		[
			new Error('socket hang up'),
			url,
			{},
			['The request to crm.example.com failed: socket hang up'],
			['Check the CRM URL and the network.'],
		],
		[
			new Error('boom'),
			url,
			{ operation: 'add_related' },
			['failed: boom'],
			[`${MAY_HAVE_RUN} "add_related"`],
		],
		['a plain string', url, {}, ['failed: a plain string'], []],
		[
			{ code: 'ECONNREFUSED', message: 'x' },
			'http://127.0.0.1:8081/webservice.php',
			{},
			['server at 127.0.0.1:8081'],
			[],
		],
		[
			{ code: 'ECONNREFUSED', message: 'x' },
			'/webservice.php',
			{},
			['server at /webservice.php'],
			[],
		],
	] as Array<[unknown, string, { operation?: string; timeoutMs?: number }, string[], string[]]>)(
		'%j on %s (%j)',
		(error, where, situation, inMessage, inDescription) => {
			const { message, description } = explainNetworkError(error, where, situation);
			for (const words of inMessage) expect(message).toContain(words);
			for (const words of inDescription) expect(description).toContain(words);
			expect(message).not.toMatch(N8N_REPLACED);
			if (inDescription.every((words) => !words.startsWith(MAY_HAVE_RUN)))
				expect(description).not.toContain(MAY_HAVE_RUN);
		},
	);
});

describe('explainNoModules', () => {
	test.each([
		['8.3.0', ['"jane"', 'defect of Vtiger 8.3.0', 'administrator']],
		['8.2.0', ['"jane"', 'use no module over its webservice', 'administrator']],
		['7.5.0', ['use no module']],
	])('Vtiger %s', (version, words) => {
		const { message, description } = explainNoModules('jane', version);
		for (const w of words) expect(message).toContain(w);
		expect(description).toContain('Permission to perform the operation is denied');
		if (version !== '8.3.0') expect(message).not.toContain('8.3.0');
	});
});

describe('explainLineItemsCrash', () => {
	test.each([
		[undefined, undefined, ['may have been created without totals'], ['save it there once']],
		['4x12', undefined, ['4x12 has its new lines but wrong totals'], ['Open 4x12 in the CRM']],
		[
			'4x12',
			{ hdnSubTotal: '10.00', hdnGrandTotal: '0.00000000' },
			['4x12'],
			['subtotal 10.00 and grand total 0.00000000', 'Replace Line Items off'],
		],
	])('record %p, totals %j', (id, left, inMessage, inDescription) => {
		const { message, description } = explainLineItemsCrash(id, left);
		for (const w of inMessage) expect(message).toContain(w);
		for (const w of inDescription) expect(description).toContain(w);
		expect(message).toContain('known server defect');
	});
});
