import { buildRequest, httpMethodOf, type WireParams } from '../../nodes/Vtiger/transport/wire';

// PHP's reading of form and multipart bodies, from the emulator (docs/vtiger-webservice.md#parameter-locations, #document-upload).
import { parseMultipart, parseUrlEncoded } from '../emulator/http-params';

const URL_ = 'https://crm.example.com/webservice.php';

describe('httpMethodOf', () => {
	// The HTTP column of the operation catalogue (docs/vtiger-webservice.md#operation-list).
	test.each([
		['getchallenge', 'GET'],
		['login', 'POST'],
		['extendsession', 'POST'],
		['logout', 'POST'],
		['listtypes', 'GET'],
		['describe', 'GET'],
		['create', 'POST'],
		['retrieve', 'GET'],
		['update', 'POST'],
		['revise', 'POST'],
		['delete', 'POST'],
		['query', 'GET'],
		['sync', 'GET'],
		['convertlead', 'POST'],
		['retrieve_inventory', 'GET'],
		['relatedtypes', 'GET'],
		['retrieve_related', 'GET'],
		['query_related', 'GET'],
		['add_related', 'POST'],
		['files_retrieve', 'GET'],
		['changePassword', 'POST'],
		['deleteUser', 'POST'],
		// Operation names are case-insensitive (docs/vtiger-webservice.md#transport).
		['Query', 'GET'],
		['DESCRIBE', 'GET'],
		['Retrieve_Related', 'GET'],
		['CREATE', 'POST'],
		// Anything else (extensions, mobile.*) is a write.
		['mobile.fetchrecord', 'POST'],
		['wsapp_get', 'POST'],
	])('%s is sent as %s', (operation, method) => {
		expect(httpMethodOf(operation)).toBe(method);
	});
});

describe('buildRequest without files', () => {
	test.each([
		['query', { sessionName: 's1', query: 'SELECT * FROM Contacts;' }, undefined, 'GET'],
		['retrieve', { sessionName: 's1', id: '12x5' }, undefined, 'GET'],
		['getchallenge', { username: 'admin' }, undefined, 'GET'],
		['listtypes', {}, undefined, 'GET'],
		[
			'create',
			{ sessionName: 's1', elementType: 'Contacts', element: '{"lastname":"Doe"}' },
			undefined,
			'POST',
		],
		['login', { username: 'admin', accessKey: 'abc' }, undefined, 'POST'],
		['extendsession', {}, undefined, 'POST'],
		['query', { sessionName: 's1', query: 'SELECT id FROM Users;' }, 'POST', 'POST'],
		['create', { sessionName: 's1', element: '{}' }, 'GET', 'GET'],
	] as Array<[string, Record<string, string>, 'GET' | 'POST' | undefined, 'GET' | 'POST']>)(
		'%s %j (method %p) is a %s with every parameter where Vtiger reads it',
		(operation, params, method, expected) => {
			const request = buildRequest(URL_, operation, params, method);
			expect(request).toMatchObject({
				url: URL_,
				method: expected,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
			});
			const fields = { operation, ...params };
			if (expected === 'GET') {
				// docs/vtiger-webservice.md#parameter-locations: GET-type operations read their parameters only from the query string.
				expect(request.qs).toEqual(fields);
				expect(request.body).toBeUndefined();
			} else {
				// POST-type operations only from a form-encoded body.
				expect(request.qs).toBeUndefined();
				expect(request.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
				expect(Object.fromEntries(parseUrlEncoded(String(request.body)).values)).toEqual(fields);
			}
		},
	);

	test.each([
		['a + sign', 'C++ & Co', 'C%2B%2B+%26+Co'],
		['an equals sign and a percent sign', 'a=b 100%', 'a%3Db+100%25'],
		['non-ASCII text', 'Zoë 東京', 'Zo%C3%AB+%E6%9D%B1%E4%BA%AC'],
		[
			'JSON with quotes and braces',
			'{"lastname":"O\'Brien"}',
			'%7B%22lastname%22%3A%22O%27Brien%22%7D',
		],
		['a line break', 'a\r\nb', 'a%0D%0Ab'],
	])('a form value with %s is percent-encoded and reads back unchanged', (_, value, encoded) => {
		// docs/vtiger-webservice.md#parameter-locations: percent-encode everything, including + (else a space) and &.
		const request = buildRequest(URL_, 'revise', { sessionName: 's', element: value });
		expect(String(request.body)).toBe(`operation=revise&sessionName=s&element=${encoded}`);
		expect(parseUrlEncoded(String(request.body)).values.get('element')).toBe(value);
	});
});

describe('buildRequest with a file', () => {
	const pdf = Buffer.from('%PDF-1.4\r\n--not-a-boundary\r\n\u0000\u00ff binary', 'latin1');
	test.each([
		[
			'a Documents create',
			'create',
			{
				sessionName: 's1',
				elementType: 'Documents',
				element: '{"notes_title":"Contract","filelocationtype":"I"}',
				filename: { fileName: 'contract.pdf', mimeType: 'application/pdf', data: pdf },
			},
			'contract.pdf',
			'application/pdf',
		],
		[
			'a revise replacing the file, even if asked as GET',
			'revise',
			{
				sessionName: 's1',
				element: '{"id":"15x7"}',
				filename: { fileName: 'my "new"\r\nfile.txt', mimeType: 'text/plain', data: pdf },
			},
			'my _new___file.txt',
			'text/plain',
		],
	] as Array<[string, string, WireParams, string, string]>)(
		'%s is a multipart POST with each field a part and the file named "filename"',
		(_, operation, params, fileName, mimeType) => {
			const request = buildRequest(URL_, operation, params, 'GET');
			expect(request.method).toBe('POST');
			expect(request.qs).toBeUndefined();
			const contentType = (request.headers as Record<string, string>)['Content-Type'];
			expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
			const parsed = parseMultipart(request.body as Buffer, contentType);
			const texts = Object.fromEntries(
				Object.entries(params).filter(([, v]) => typeof v === 'string'),
			);
			expect(Object.fromEntries(parsed.values)).toEqual({ operation, ...texts });
			expect([...parsed.files.keys()]).toEqual(['filename']);
			const file = parsed.files.get('filename');
			expect(file?.filename).toBe(fileName);
			expect(file?.contentType).toBe(mimeType);
			expect(file?.data.equals(pdf)).toBe(true);
		},
	);

	test('each multipart body has a boundary of its own', () => {
		const params = {
			filename: { fileName: 'a.txt', mimeType: 'text/plain', data: Buffer.from('x') },
		};
		const a = buildRequest(URL_, 'create', params).headers as Record<string, string>;
		const b = buildRequest(URL_, 'create', params).headers as Record<string, string>;
		expect(a['Content-Type']).not.toBe(b['Content-Type']);
	});
});
