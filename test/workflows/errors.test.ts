import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { createServer as createHttpServer, type Server } from 'http';
import { createServer as createHttpsServer } from 'https';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { createContact, startTestBed, type VtigerTestBed } from '../harness/fixture';

const listen = async (server: Server): Promise<string> =>
	await new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port))),
	);

const apachePage = (_req: unknown, res: import('http').ServerResponse) => {
	res.writeHead(404, { 'Content-Type': 'text/html' });
	res.end(
		'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
	);
};

describe('What the server answers becomes a clear error', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
		await bed.json(createContact({ lastname: 'Warm-up' }));
	});
	afterAll(async () => await bed.stop());

	test('PHP warnings printed before the JSON are skipped', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'php-warning' });
		const [contact] = await bed.json(createContact({ lastname: 'Noisy' }));
		expect(contact.lastname).toBe('Noisy');
	});

	test('an HTML page instead of JSON', async () => {
		bed.emulator.injectFault({ operation: 'retrieve', kind: 'html-page' });
		const result = await bed.run({ resource: 'record', operation: 'get', recordId: '19x1' });
		expect(result.error?.message).toBe(
			"The server did not answer like Vtiger's webservice (HTTP 200, an HTML page) [item 0]",
		);
		expect(result.error?.description).toMatch(/Check the CRM URL/);
	});

	test('an empty HTTP 500 on a write warns that the change may have been saved', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'empty-500' });
		const result = await bed.run(createContact({ lastname: 'Crash' }));
		expect(result.error?.message).toBe(
			'Vtiger failed with a server error (HTTP 500, an empty body) while running "create" [item 0]',
		);
		expect(result.error?.description).toMatch(/may have been saved/);
	});

	test('a truncated JSON body', async () => {
		bed.emulator.injectFault({ operation: 'retrieve', kind: 'invalid-json' });
		const result = await bed.run({ resource: 'record', operation: 'get', recordId: '19x1' });
		expect(result.error?.message).toMatch(
			/^Vtiger's answer to "retrieve" could not be read \(a body that is not JSON\) \[item 0\]$/,
		);
	});

	test("success:false carries Vtiger's code and message in the description", async () => {
		const result = await bed.run({
			resource: 'query',
			operation: 'run',
			query: 'SELECT * FROM Contacts WHERE (lastname = 1);',
			returnAll: false,
			limit: 5,
		});
		expect(result.error?.message).toMatch(/^The VTQL query is not valid: /);
		expect(result.error?.description).toMatch(/code QUERY_SYNTAX_ERROR, operation query/);
	});
});

describe('A credential that cannot log in says exactly why', () => {
	let bed: VtigerTestBed;
	const others: Server[] = [];

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => {
		await bed.stop();
		for (const server of others) server.close();
	});

	const runWith = async (overrides: Record<string, unknown>) => {
		const credential = bed.credentials.add(`cred-${Math.random()}`, 'Other', 'vtigerApi', {
			...bed.credentials.data(bed.credential.id!),
			sessionName: '',
			...overrides,
		});
		const { runVtigerNode } = await import('../harness/engine');
		return await runVtigerNode({
			parameters: { resource: 'module', operation: 'list' },
			credentials: bed.credentials,
			credential,
		});
	};

	test('unknown user', async () => {
		const result = await runWith({ username: 'nobody' });
		expect(result.error?.message).toBe('Vtiger does not know the user "nobody" [item 0]');
	});

	test('wrong access key', async () => {
		const result = await runWith({ secretAccessKey: 'WrongKey12345678' });
		expect(result.error?.message).toBe('Vtiger rejected the access key of user "admin" [item 0]');
		expect(result.error?.description).toMatch(/My Preferences/);
	});

	test('a user without an access key, and an inactive user', async () => {
		bed.emulator.addUser({ username: 'nokey' });
		expect((await runWith({ username: 'nokey' })).error?.message).toBe(
			'This Vtiger user has no access key [item 0]',
		);
		bed.emulator.addUser({ username: 'gone', accessKey: 'GoneKey123456789', active: false });
		expect(
			(await runWith({ username: 'gone', secretAccessKey: 'GoneKey123456789' })).error?.message,
		).toBe('Vtiger rejected the access key of user "gone" [item 0]');
	});

	test('URL spellings that all reach the same CRM', async () => {
		for (const url of [
			`${bed.emulator.url}/`,
			`${bed.emulator.url}/webservice.php`,
			`${bed.emulator.url}/index.php`,
		]) {
			expect((await runWith({ url })).error).toBeUndefined();
		}
	});

	test('URLs with credentials or a query string are refused', async () => {
		const withUser = await runWith({
			url: bed.emulator.url.replace('http://', 'http://admin:pw@'),
		});
		expect(withUser.error?.message).toMatch(
			/^The CRM URL must not contain a user name or password/,
		);
		const withQuery = await runWith({ url: `${bed.emulator.url}/index.php?module=Home` });
		expect(withQuery.error?.message).toMatch(/^The CRM URL must not contain a query string/);
	});

	test('a server that is not Vtiger', async () => {
		const server = createHttpServer(apachePage);
		others.push(server);
		const port = await listen(server);
		const result = await runWith({ url: `http://127.0.0.1:${port}` });
		expect(result.error?.message).toBe(
			"The server did not answer like Vtiger's webservice (HTTP 404, an HTML page) [item 0]",
		);
	});

	test('an unreachable host', async () => {
		const server = createHttpServer();
		const port = await listen(server);
		await new Promise((resolve) => server.close(resolve));
		const result = await runWith({ url: `http://127.0.0.1:${port}` });
		expect(result.error?.message).toBe(
			`Cannot reach the Vtiger server at 127.0.0.1:${port}: the connection was refused [item 0]`,
		);
	});

	test('a TLS failure, and Ignore SSL Issues getting past it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'vtiger-tls-'));
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
			],
			{ stdio: 'ignore' },
		);
		const server = createHttpsServer(
			{ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
			apachePage,
		) as unknown as Server;
		others.push(server);
		const port = await listen(server);
		const strict = await runWith({ url: `https://127.0.0.1:${port}` });
		expect(strict.error?.message).toMatch(
			new RegExp(`^The TLS \\(https\\) connection to 127.0.0.1:${port} failed: `),
		);
		expect(strict.error?.description).toMatch(/Ignore SSL Issues/);
		const lenient = await runWith({ url: `https://127.0.0.1:${port}`, ignoreSslIssues: true });
		expect(lenient.error?.message).toMatch(/did not answer like Vtiger's webservice \(HTTP 404/);
	});
});
