/**
 * The fault matrix, every row of the README's "When the server misbehaves": for each way a server
 * misbehaves, what the user sees and whether the item is sent again (counted in the emulator's
 * request log). A session lost between executions and logins at the same moment:
 * transport.session.test.ts.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { createServer as createHttpServer, type Server } from 'http';
import { createServer as createHttpsServer } from 'https';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { createContact, useTestBed } from '../harness/fixture';
import { emulatorOnlyDescribe } from '../harness/target';

/** Every block here injects faults or starts servers of its own. */
const faultTests = emulatorOnlyDescribe('injects faults; starts servers that are not Vtiger');

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

faultTests('What the server answers becomes a clear error', () => {
	const bed = useTestBed();

	beforeAll(async () => {
		await bed.json(createContact({ lastname: 'Warm-up' }));
	});

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

faultTests('Fault matrix: what the user sees, and whether the item is sent again', () => {
	// Timeout (Seconds) 1: a slow server (1.2 s) is given up on at 1 s, and bed.emulator.settled()
	// waits until it has answered all the same, and until any request sent again has too.
	const bed = useTestBed({}, { timeout: 1 });

	const contactsNamed = (lastname: string) =>
		bed.emulator.records('Contacts').filter((r) => r.lastname === lastname);

	beforeAll(async () => {
		await bed.json(createContact({ lastname: 'Warm-up' }));
	});

	beforeEach(() => bed.emulator.clearRequests());

	test('empty HTTP 500 on a create: not sent again, says the record may have been saved', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'empty-500' });
		const result = await bed.run(createContact({ lastname: 'Fault-500' }));
		expect(result.error?.message).toBe(
			'Vtiger failed with a server error (HTTP 500, an empty body) while running "create" [item 0]',
		);
		expect(result.error?.description).toMatch(
			/The change may have been saved: check the record before trying again/,
		);
		expect(bed.emulator.count('create')).toBe(1);
	});

	test('empty HTTP 500 on a read: not sent again either, no warning about saving', async () => {
		bed.emulator.injectFault({ operation: 'retrieve', kind: 'empty-500' });
		const result = await bed.run({ resource: 'record', operation: 'get', recordId: '19x1' });
		expect(result.error?.message).toBe(
			'Vtiger failed with a server error (HTTP 500, an empty body) while running "retrieve" [item 0]',
		);
		expect(result.error?.description).not.toMatch(/saved/);
		expect(bed.emulator.count('retrieve')).toBe(1);
	});

	test('an HTML error page: points at the CRM URL, not sent again', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'html-page' });
		const result = await bed.run(createContact({ lastname: 'Fault-HTML' }));
		expect(result.error?.message).toBe(
			"The server did not answer like Vtiger's webservice (HTTP 200, an HTML page) [item 0]",
		);
		expect(result.error?.description).toMatch(
			/^Check the CRM URL in the credential.* The change may have been saved: .*Internal error/,
		);
		expect(bed.emulator.count('create')).toBe(1);
	});

	test('PHP warnings before the JSON: skipped, the create succeeds once', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'php-warning' });
		const [contact] = await bed.json(createContact({ lastname: 'Fault-Warning' }));
		expect(contact.lastname).toBe('Fault-Warning');
		expect(bed.emulator.count('create')).toBe(1);
		expect(contactsNamed('Fault-Warning')).toHaveLength(1);
	});

	test('invalid JSON after a create: reported, not sent again (the record exists: no duplicate)', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'invalid-json' });
		const result = await bed.run(createContact({ lastname: 'Fault-Truncated' }));
		expect(result.error?.message).toBe(
			`Vtiger's answer to "create" could not be read (a body that is not JSON) [item 0]`,
		);
		expect(result.error?.description).toMatch(
			/^The server answered "create" with HTTP 200 and a body that is not JSON: \{"success":true.*The change may have been saved/,
		);
		expect(bed.emulator.count('create')).toBe(1);
		expect(contactsNamed('Fault-Truncated')).toHaveLength(1);
	});

	test('a slow server: the create gives up after Timeout (Seconds), is not sent again, and says it may have been created', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'slow', delayMs: 1200 });
		const result = await bed.run(createContact({ lastname: 'Fault-Slow' }));
		expect(result.error?.message).toBe(
			`The Vtiger server at ${new URL(bed.emulator.url).host} did not answer "create" within 1 s; the record may have been created all the same [item 0]`,
		);
		expect(result.error?.description).toMatch(
			/raise "Timeout \(Seconds\)" in the credential \(now 1\).*check in the CRM before running the item again/,
		);
		await bed.emulator.settled();
		expect(bed.emulator.count('create')).toBe(1);
		// Why it says so: the server did save the record after the node gave up.
		expect(contactsNamed('Fault-Slow')).toHaveLength(1);
	});

	test('a slow server on a read: the same timeout, without the warning', async () => {
		bed.emulator.injectFault({ operation: 'retrieve', kind: 'slow', delayMs: 1200 });
		const result = await bed.run({ resource: 'record', operation: 'get', recordId: '19x1' });
		expect(result.error?.message).toBe(
			`The Vtiger server at ${new URL(bed.emulator.url).host} did not answer "retrieve" within 1 s [item 0]`,
		);
		await bed.emulator.settled();
		expect(bed.emulator.count('retrieve')).toBe(1);
	});

	test('a slow login also stops at the timeout', async () => {
		bed.credentials.data(bed.credential.id!).sessionName = '';
		bed.emulator.injectFault({ operation: 'getchallenge', kind: 'slow', delayMs: 1200 });
		const result = await bed.run({ resource: 'user', operation: 'getCurrent' });
		expect(result.error?.message).toBe(
			`The Vtiger server at ${new URL(bed.emulator.url).host} did not answer "getchallenge" within 1 s [item 0]`,
		);
		await bed.emulator.settled();
		expect(bed.emulator.count('getchallenge')).toBe(1);
	});

	test('a session killed by the server: the one request is sent again after a new login (it provably did nothing)', async () => {
		await bed.json(createContact({ lastname: 'Fault-Before-Kill' }));
		bed.emulator.clearRequests();
		bed.emulator.injectFault({ operation: 'create', kind: 'kill-session' });
		const [contact] = await bed.json(createContact({ lastname: 'Fault-Killed' }));
		expect(contact.lastname).toBe('Fault-Killed');
		expect(bed.emulator.requests.map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`)).toEqual(
			['create:INVALID_SESSIONID', 'getchallenge:ok', 'login:ok', 'create:ok'],
		);
		expect(contactsNamed('Fault-Killed')).toHaveLength(1);
	});

	test('a session that is dead again right after the new login: the item fails, no third attempt', async () => {
		bed.emulator.injectFault({ operation: 'create', kind: 'kill-session', times: 2 });
		const result = await bed.run(createContact({ lastname: 'Fault-Killed-Twice' }));
		expect(result.error?.message).toBe(
			'Vtiger rejected a brand-new session: the request was not run [item 0]',
		);
		expect(result.error?.description).toMatch(/PHP session storage/);
		expect(bed.emulator.count('create')).toBe(2);
		expect(contactsNamed('Fault-Killed-Twice')).toHaveLength(0);
	});
});

faultTests('Fault matrix: no server at all, or no Vtiger there', () => {
	const bed = useTestBed();
	const others: Server[] = [];
	afterAll(() => {
		for (const server of others) server.close();
	});
	const runAt = async (url: string) =>
		await bed.run(createContact({ lastname: 'Nowhere' }), undefined, {
			credential: bed.otherCredential({ url }),
		});
	const runWith = async (changes: Record<string, unknown>) =>
		await bed.run({ resource: 'module', operation: 'list' }, undefined, {
			credential: bed.otherCredential(changes),
		});

	test('connection refused: names the host, nothing was sent', async () => {
		const server: Server = createHttpServer();
		const port = await new Promise<number>((resolve) =>
			server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
		);
		await new Promise((resolve) => server.close(resolve));
		const result = await runAt(`http://127.0.0.1:${port}`);
		expect(result.error?.message).toBe(
			`Cannot reach the Vtiger server at 127.0.0.1:${port}: the connection was refused [item 0]`,
		);
		expect(result.error?.description).toBe(
			'Check the CRM URL in the credential and that the server is up and reachable from n8n (ECONNREFUSED).',
		);
	});

	test('an unknown host (DNS): names the host', async () => {
		const result = await runAt('http://crm.invalid');
		expect(result.error?.message).toMatch(
			/^Cannot reach the Vtiger server at crm\.invalid: the host name (was not found|could not be looked up) \(DNS\) \[item 0\]$/,
		);
		expect(result.error?.description).toMatch(/^Check the CRM URL in the credential/);
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

faultTests('Fault matrix: parallel requests', () => {
	const bed = useTestBed();

	test('the failed login of an extra session fails its item (it used to hang the execution); the next item logs in again', async () => {
		await bed.json({ ...createContact({ lastname: 'Lane-warm-up' }), parallelRequests: 1 });
		bed.emulator.clearRequests();
		bed.emulator.injectFault({ operation: 'getchallenge', kind: 'empty-500' });
		const input = Array.from({ length: 4 }, (_, n) => ({ lastname: `Lane-${n}` }));
		const result = await bed.run(
			{ ...createContact({}), fieldsJson: '={{ JSON.stringify($json) }}', parallelRequests: 2 },
			input,
			{
				continueOnFail: true,
			},
		);
		expect(result.items.map((i) => i.json.error ?? i.json.lastname)).toEqual([
			'Lane-0',
			'Vtiger failed with a server error (HTTP 500, an empty body) while running "getchallenge" [item 1]',
			'Lane-2',
			'Lane-3',
		]);
		expect(bed.emulator.count('getchallenge')).toBe(2);
		expect(bed.emulator.count('create')).toBe(3);
	});
});
