import { startTestBed, createContact, type VtigerTestBed } from '../harness/fixture';
import { emulatorOnly } from '../harness/target';

const tenContacts = Array.from({ length: 10 }, (_, n) => ({ lastname: `Session-${n}` }));
const createFromItems = {
	resource: 'record',
	operation: 'create',
	module: 'Contacts',
	fieldsInput: 'json',
	fieldsJson: '={{ JSON.stringify($json) }}',
	parallelRequests: 1,
};

describe('The session lives in the credential', () => {
	let bed: VtigerTestBed;

	beforeEach(async () => {
		bed = await startTestBed();
	});
	afterEach(async () => await bed.stop());

	test('a cold 10-item Create logs in once through the credential; the warm execution after it does not log in', async () => {
		const contacts = tenContacts.map((c) => ({ lastname: `${bed.crm.tag}${c.lastname}` }));
		const cold = await bed.run(createFromItems, contacts);
		expect(cold.error).toBeUndefined();
		expect(cold.items.map((i) => i.json.lastname)).toEqual(contacts.map((c) => c.lastname));
		expect(bed.credentials.preAuthentications).toBe(1);
		const warm = await bed.run(createFromItems, contacts);
		expect(warm.error).toBeUndefined();
		expect(bed.credentials.preAuthentications).toBe(1);
		expect(bed.credentials.data(bed.credential.id!).userId).toBe(bed.crm.userId);
	});

	test('a dead session in the credential is replaced by one login and the execution goes on', async () => {
		// What the credential holds after the CRM ended its session (here: a session it never had).
		const data = bed.credentials.data(bed.credential.id!);
		await bed.credentials.updateCredentials(bed.credential, 'vtigerApi', {
			...data,
			sessionName: '0123456789abcdef0123456789abcdef',
			userId: bed.crm.userId,
		});
		const contacts = tenContacts.map((c) => ({ lastname: `${bed.crm.tag}${c.lastname}` }));
		const result = await bed.run(createFromItems, contacts);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.lastname)).toEqual(contacts.map((c) => c.lastname));
		expect(bed.credentials.preAuthentications).toBe(1);
		expect(bed.credentials.data(bed.credential.id!).sessionName).not.toBe(
			'0123456789abcdef0123456789abcdef',
		);
		expect(
			(await bed.crm.records('Contacts', 'lastname')).filter((c) =>
				String(c.lastname).startsWith(`${bed.crm.tag}Session-`),
			),
		).toHaveLength(10);
	});

	emulatorOnly('reads the request log; ends sessions')(
		'a cold 10-item Create logs in once; the warm execution after it does not log in at all',
		async () => {
			const cold = await bed.run(createFromItems, tenContacts);
			expect(cold.error).toBeUndefined();
			// The first request logs in (and the credential learns its user id, the default owner); the
			// typed field names are checked against describe, which this n8n process then remembers.
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual([
				'getchallenge',
				'login',
				'describe',
				...Array(10).fill('create'),
			]);

			bed.emulator.killAllSessions();
			bed.emulator.clearRequests();
			const expired = await bed.run(createFromItems, tenContacts);
			expect(expired.error).toBeUndefined();
			expect(
				bed.emulator.requests.map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`),
			).toEqual([
				'create:INVALID_SESSIONID',
				'getchallenge:ok',
				'login:ok',
				...Array(10).fill('create:ok'),
			]);

			bed.emulator.clearRequests();
			const warm = await bed.run(createFromItems, tenContacts);
			expect(warm.error).toBeUndefined();
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual(Array(10).fill('create'));
			expect(new Set(bed.emulator.requests.map((r) => r.sessionName)).size).toBe(1);
			expect(bed.credentials.preAuthentications).toBe(2);
		},
	);

	emulatorOnly('ends sessions mid-execution; reads the request log')(
		'a session killed in the middle of an execution is replaced and the request retried once',
		async () => {
			await bed.json(createContact({ lastname: 'Warm-up' }));
			bed.emulator.killSessionsAfter(4);
			bed.emulator.clearRequests();
			const result = await bed.run(createFromItems, tenContacts);
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json.lastname)).toEqual(tenContacts.map((c) => c.lastname));
			const operations = bed.emulator.requests.map(
				(r) => `${r.operation}:${r.success ? 'ok' : r.code}`,
			);
			expect(operations).toEqual([
				...Array(4).fill('create:ok'),
				'create:INVALID_SESSIONID',
				'getchallenge:ok',
				'login:ok',
				...Array(6).fill('create:ok'),
			]);
			expect(
				bed.emulator.records('Contacts').filter((r) => String(r.lastname).startsWith('Session-')),
			).toHaveLength(10);
			const stored = bed.credentials.data(bed.credential.id!);
			expect(stored.sessionName).toBe(bed.emulator.requests.at(-1)?.sessionName);
		},
	);

	test('Session > Login opens a new session; Extend confirms one; Logout is best-effort on PHP 8', async () => {
		const [login] = await bed.json({ resource: 'session', operation: 'login' });
		const userId = bed.crm.userId;
		expect(login).toEqual({
			sessionName: expect.stringMatching(/^\w+$/),
			userId,
			version: '0.22',
			vtigerVersion: '8.3.0',
		});

		const [extended] = await bed.json({
			resource: 'session',
			operation: 'extend',
			sessionName: String(login.sessionName),
		});
		expect(extended).toMatchObject({ extended: true, sessionName: login.sessionName, userId });

		const [own] = await bed.json({ resource: 'session', operation: 'extend' });
		expect(own).toEqual({ extended: true, userId, version: '0.22', vtigerVersion: '8.3.0' });

		const [logout] = await bed.json({
			resource: 'session',
			operation: 'logout',
			sessionName: String(login.sessionName),
		});
		expect(logout).toEqual({ loggedOut: false, reason: expect.stringContaining('PHP 8') });
		const [stillAlive] = await bed.json({
			resource: 'session',
			operation: 'extend',
			sessionName: String(login.sessionName),
		});
		expect(stillAlive.extended).toBe(true);

		const unknown = await bed.run({
			resource: 'session',
			operation: 'extend',
			sessionName: 'nosuchsession',
		});
		expect(unknown.error?.message).toMatch(/\[item 0\]$/);
	});

	test('a typed field name the module does not have is refused before anything is written', async () => {
		const pairs = (name: string) => ({
			...createContact({}),
			fieldsInput: 'keyValue',
			fieldsUi: {
				field: [
					{ name: 'lastname', value: `${bed.crm.tag}Named` },
					{ name, value: 'x' },
				],
			},
		});
		const [contact] = await bed.json(pairs('phone'));
		expect(contact.phone).toBe('x');
		const typo = await bed.run(pairs('phonee'));
		expect(typo.error?.message).toBe('Contacts has no field "phonee" [item 0]');
		expect(typo.error?.description).toMatch(/Vtiger would drop its value without a word/);
		expect(
			(await bed.crm.records('Contacts', 'lastname')).filter(
				(c) => c.lastname === `${bed.crm.tag}Named`,
			),
		).toHaveLength(1);
	});

	emulatorOnly('adds a field; reads the request log')(
		'typed field names are checked once per process; a field added since is found by asking again',
		async () => {
			const pairs = (name: string) => ({
				...createContact({}),
				fieldsInput: 'keyValue',
				fieldsUi: {
					field: [
						{ name: 'lastname', value: 'Named' },
						{ name, value: 'x' },
					],
				},
			});
			await bed.json(pairs('phone'));
			bed.emulator.clearRequests();
			await bed.json(pairs('phone'));
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual(['create']);
			bed.emulator.addField('Contacts', {
				name: 'cf_999',
				label: 'Added today',
				type: { name: 'string' },
			});
			const [contact] = await bed.json(pairs('cf_999'));
			expect(bed.emulator.records('Contacts').find((c) => c.id === contact.id)?.cf_999).toBe('x');
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual([
				'create',
				'describe',
				'create',
			]);
			const typo = await bed.run(pairs('cf_9999'));
			expect(typo.error?.message).toBe('Contacts has no field "cf_9999" [item 0]');
			expect(typo.error?.description).toMatch(/Vtiger would drop its value without a word/);
		},
	);

	emulatorOnly('phpVersion 7 switch')(
		'Logout ends the session on PHP 7, and the node recovers for the next request',
		async () => {
			await bed.stop();
			bed = await startTestBed({ phpVersion: 7 });
			const [logout] = await bed.json({ resource: 'session', operation: 'logout' });
			expect(logout).toEqual({ loggedOut: true });
			bed.emulator.clearRequests();
			const [contact] = await bed.json(createContact({ lastname: 'After logout' }));
			expect(contact.lastname).toBe('After logout');
			// A new CRM for this process: its field names are asked first, on the logged-out session.
			expect(bed.emulator.requests.map((r) => r.operation)).toEqual([
				'describe',
				'getchallenge',
				'login',
				'describe',
				'create',
			]);
		},
	);
});
