import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';

import { runVtigerNode } from '../harness/engine';
import { createContact, startTestBed, type VtigerTestBed } from '../harness/fixture';

/**
 * The fault matrix: for each way a Vtiger server misbehaves, what the user sees and whether the
 * item was sent again (counted in the emulator's request log). The README's Troubleshooting table
 * is this file. TLS and login failures are in errors.test.ts, sessions killed mid-run in
 * session.test.ts and parallel.test.ts.
 */
describe('Fault matrix: what the user sees, and whether the item is sent again', () => {
	let bed: VtigerTestBed;
	const contactsNamed = (lastname: string) =>
		bed.emulator.records('Contacts').filter((r) => r.lastname === lastname);

	beforeAll(async () => {
		bed = await startTestBed({}, { timeout: 1 });
		await bed.json(createContact({ lastname: 'Warm-up' }));
	});
	beforeEach(() => bed.emulator.clearRequests());
	afterAll(async () => await bed.stop());

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
		bed.emulator.injectFault({ operation: 'create', kind: 'slow', delayMs: 1500 });
		const result = await bed.run(createContact({ lastname: 'Fault-Slow' }));
		expect(result.error?.message).toBe(
			`The Vtiger server at ${new URL(bed.emulator.url).host} did not answer "create" within 1 s; the record may have been created all the same [item 0]`,
		);
		expect(result.error?.description).toMatch(
			/raise "Timeout \(Seconds\)" in the credential \(now 1\).*check in the CRM before running the item again/,
		);
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(bed.emulator.count('create')).toBe(1);
		// Why it says so: the server did save the record after the node gave up.
		expect(contactsNamed('Fault-Slow')).toHaveLength(1);
	});

	test('a slow server on a read: the same timeout, without the warning', async () => {
		bed.emulator.injectFault({ operation: 'retrieve', kind: 'slow', delayMs: 1500 });
		const result = await bed.run({ resource: 'record', operation: 'get', recordId: '19x1' });
		expect(result.error?.message).toBe(
			`The Vtiger server at ${new URL(bed.emulator.url).host} did not answer "retrieve" within 1 s [item 0]`,
		);
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(bed.emulator.count('retrieve')).toBe(1);
	});

	test('a slow login also stops at the timeout', async () => {
		bed.credentials.data(bed.credential.id!).sessionName = '';
		bed.emulator.injectFault({ operation: 'getchallenge', kind: 'slow', delayMs: 1500 });
		const result = await bed.run({ resource: 'user', operation: 'getCurrent' });
		expect(result.error?.message).toBe(
			`The Vtiger server at ${new URL(bed.emulator.url).host} did not answer "getchallenge" within 1 s [item 0]`,
		);
		await new Promise((resolve) => setTimeout(resolve, 700));
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

describe('Fault matrix: no server at all', () => {
	const runAt = async (bed: VtigerTestBed, url: string) => {
		const credential = bed.credentials.add(`cred-${url}`, 'Elsewhere', 'vtigerApi', {
			...bed.credentials.data(bed.credential.id!),
			url,
			sessionName: '',
		});
		return await runVtigerNode({
			parameters: createContact({ lastname: 'Nowhere' }),
			credentials: bed.credentials,
			credential,
		});
	};
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.stop());

	test('connection refused: names the host, nothing was sent', async () => {
		const server: Server = createServer();
		const port = await new Promise<number>((resolve) =>
			server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
		);
		await new Promise((resolve) => server.close(resolve));
		const result = await runAt(bed, `http://127.0.0.1:${port}`);
		expect(result.error?.message).toBe(
			`Cannot reach the Vtiger server at 127.0.0.1:${port}: the connection was refused [item 0]`,
		);
		expect(result.error?.description).toBe(
			'Check the CRM URL in the credential and that the server is up and reachable from n8n (ECONNREFUSED).',
		);
	});

	test('an unknown host (DNS): names the host', async () => {
		const result = await runAt(bed, 'http://crm.invalid');
		expect(result.error?.message).toMatch(
			/^Cannot reach the Vtiger server at crm\.invalid: the host name (was not found|could not be looked up) \(DNS\) \[item 0\]$/,
		);
		expect(result.error?.description).toMatch(/^Check the CRM URL in the credential/);
	});
});

describe('Fault matrix: parallel requests', () => {
	let bed: VtigerTestBed;

	beforeAll(async () => {
		bed = await startTestBed();
	});
	afterAll(async () => await bed.stop());

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
