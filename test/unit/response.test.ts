import { parseReply } from '../../nodes/Vtiger/transport/response';

// What Vtiger 8.3.0 and the servers in front of it send (docs/vtiger-webservice.md#response-envelope to 2.6), from the emulator.
import { APACHE_404, HTML_ERROR_PAGE, PHP_WARNING } from '../emulator/faults';

const BOM = '\ufeff';
const ok = '{"success":true,"result":{"id":"12x5","lastname":"Doe"}}';

describe('parseReply: Vtiger envelopes', () => {
	test.each([
		['a success', 200, ok, { kind: 'success', result: { id: '12x5', lastname: 'Doe' } }],
		[
			'a success whose result is null',
			200,
			'{"success":true,"result":null}',
			{ kind: 'success', result: null },
		],
		[
			'a success with an empty array',
			200,
			'{"success":true,"result":[]}',
			{ kind: 'success', result: [] },
		],
		[
			'a failure, message first (as 8.3.0 sends it)',
			200,
			'{"success":false,"error":{"message":"Session Identifier provided is Invalid","code":"INVALID_SESSIONID"}}',
			{
				kind: 'failure',
				code: 'INVALID_SESSIONID',
				message: 'Session Identifier provided is Invalid',
			},
		],
		[
			'a failure, code first',
			200,
			'{"success":false,"error":{"code":"ACCESS_DENIED","message":"Permission to perform the operation is denied"}}',
			{
				kind: 'failure',
				code: 'ACCESS_DENIED',
				message: 'Permission to perform the operation is denied',
			},
		],
		[
			'a duplicate rejection, whose code is the number 0',
			200,
			'{"success":false,"error":{"message":"Duplicate(s) detected!","code":0}}',
			{ kind: 'failure', code: 0, message: 'Duplicate(s) detected!' },
		],
		[
			'a failure without an error object',
			200,
			'{"success":false}',
			{ kind: 'failure', code: 'UNKNOWN', message: '' },
		],
		[
			'a failure with an odd code and no message',
			200,
			'{"success":false,"error":{"code":null}}',
			{ kind: 'failure', code: 'UNKNOWN', message: '' },
		],
		[
			'whitespace around the JSON',
			200,
			`\r\n  ${ok}\n\n`,
			{ kind: 'success', result: { id: '12x5', lastname: 'Doe' } },
		],
		[
			'a byte order mark before the JSON',
			200,
			`${BOM}${ok}`,
			{ kind: 'success', result: { id: '12x5', lastname: 'Doe' } },
		],
		[
			'PHP warnings printed before the JSON',
			200,
			`${PHP_WARNING}${PHP_WARNING}${ok}`,
			{ kind: 'success', result: { id: '12x5', lastname: 'Doe' } },
		],
		[
			'a plain-text PHP notice before a failure',
			200,
			'PHP Notice:  Undefined index: x in /var/www/html/a.php on line 3\n{"success":false,"error":{"message":"m","code":"C"}}',
			{ kind: 'failure', code: 'C', message: 'm' },
		],
		[
			'raw control characters inside a stored value (docs/vtiger-webservice.md#json-encoding)',
			200,
			'{"success":true,"result":{"lastname":"Do\u0001e\u001f","description":"a\\nb\u0007"}}',
			{ kind: 'success', result: { lastname: 'Doe', description: 'a\nb' } },
		],
		[
			'raw UTF-8 and unescaped slashes',
			200,
			'{"success":true,"result":{"lastname":"Zoë 東京","website":"https://a.example/b"}}',
			{ kind: 'success', result: { lastname: 'Zoë 東京', website: 'https://a.example/b' } },
		],
		[
			'spaces inside the envelope key',
			200,
			'{ "success" : true, "result" : 1 }',
			{ kind: 'success', result: 1 },
		],
		[
			'a JSON envelope with an HTTP error status',
			500,
			'{"success":false,"error":{"message":"m","code":"C"}}',
			{ kind: 'failure', code: 'C', message: 'm' },
		],
	])('%s', (_, statusCode, body, expected) => {
		expect(parseReply({ statusCode, body })).toEqual(expected);
		expect(parseReply({ statusCode, body: Buffer.from(body, 'utf8') })).toEqual(expected);
	});

	test.each([
		[
			{ success: true, result: { id: '12x1' } },
			{ kind: 'success', result: { id: '12x1' } },
		],
		[
			{ success: false, error: { code: 'QUERY_SYNTAX_ERROR', message: 'bad' } },
			{ kind: 'failure', code: 'QUERY_SYNTAX_ERROR', message: 'bad' },
		],
	])('an already parsed body %j', (body, expected) => {
		expect(parseReply({ statusCode: 200, body })).toEqual(expected);
	});
});

describe('parseReply: answers that are not Vtiger JSON', () => {
	test.each([
		// docs/vtiger-webservice.md#response-envelope: a PHP fatal error is HTTP 500 with an empty body.
		[
			'the empty HTTP 500 of a PHP fatal error',
			500,
			'',
			{ isHtml: false, isEmpty: true, bodyStart: '' },
		],
		['an empty body with HTTP 200', 200, '', { isHtml: false, isEmpty: true, bodyStart: '' }],
		['only whitespace', 200, ' \r\n\t', { isHtml: false, isEmpty: true, bodyStart: '' }],
		[
			// docs/vtiger-webservice.md#operation-list: changePassword and deleteUser on a stock install.
			'the restricted-file text',
			200,
			'Sorry! Attempt to access restricted file.',
			{ isHtml: false, isEmpty: false, bodyStart: 'Sorry! Attempt to access restricted file.' },
		],
		['an HTML error page', 500, HTML_ERROR_PAGE, { isHtml: true, isEmpty: false }],
		[
			'an Apache 404 page',
			404,
			APACHE_404('/crm/webservice.php'),
			{ isHtml: true, isEmpty: false },
		],
		[
			'a PHP fatal error shown with display_errors on',
			500,
			'<br />\n<b>Fatal error</b>:  Uncaught Error: Unknown named parameter $modifiedTime in /var/www/html/include/Webservices/OperationManager.php:151',
			{ isHtml: true, isEmpty: false },
		],
		[
			'a page ending in </body>',
			502,
			'Bad gateway <hr> nginx</body>',
			{ isHtml: true, isEmpty: false },
		],
		[
			'a proxy text',
			502,
			'Bad Gateway',
			{ isHtml: false, isEmpty: false, bodyStart: 'Bad Gateway' },
		],
		['JSON that is not an envelope', 200, '{"status":"ok"}', { isHtml: false, isEmpty: false }],
		['a JSON array', 200, '[1,2,3]', { isHtml: false, isEmpty: false }],
		[
			'success that is not a boolean',
			200,
			'{"success":"true","result":1}',
			{ isHtml: false, isEmpty: false },
		],
		[
			'a cut-off envelope',
			200,
			'{"success":true,"result":{"id":"12x',
			{ isHtml: false, isEmpty: false },
		],
		['PHP warnings only', 200, PHP_WARNING, { isHtml: true, isEmpty: false }],
	])('%s (HTTP %i)', (_, statusCode, body, expected) => {
		const reply = parseReply({ statusCode, body });
		expect(reply).toMatchObject({ kind: 'notJson', httpStatus: statusCode, ...expected });
	});

	test.each([
		[null, true],
		[undefined, true],
		[Buffer.alloc(0), true],
		[Buffer.from('<html><body>x</body></html>'), false],
	])('the body %p is empty: %p', (body, isEmpty) => {
		expect(parseReply({ statusCode: 500, body })).toMatchObject({ kind: 'notJson', isEmpty });
	});

	test.each([
		[`${'x'.repeat(500)}`, 'x'.repeat(200)],
		['  line one\n\n   line   two  ', 'line one line two'],
		[HTML_ERROR_PAGE, HTML_ERROR_PAGE.trim().replace(/\s+/g, ' ').slice(0, 200)],
	])('the start of the body shown to users: %#', (body, bodyStart) => {
		const reply = parseReply({ statusCode: 500, body });
		expect(reply).toMatchObject({ kind: 'notJson', bodyStart });
		expect((reply as { bodyStart: string }).bodyStart.length).toBeLessThanOrEqual(200);
	});
});
