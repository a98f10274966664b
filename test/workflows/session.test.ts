import { startTestBed, createContact, type VtigerTestBed } from '../harness/fixture';

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

	test('a cold 10-item Create logs in once; the warm execution after it does not log in at all', async () => {
		const cold = await bed.run(createFromItems, tenContacts);
		expect(cold.error).toBeUndefined();
		// A credential that never logged in learns its user id (the default owner) with the login.
		expect(bed.emulator.requests.map((r) => r.operation)).toEqual([
			'getchallenge',
			'login',
			'listtypes',
			...Array(10).fill('create'),
		]);

		bed.emulator.killAllSessions();
		bed.emulator.clearRequests();
		const expired = await bed.run(createFromItems, tenContacts);
		expect(expired.error).toBeUndefined();
		expect(bed.emulator.requests.map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`)).toEqual([
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
	});

	test('a session killed in the middle of an execution is replaced and the request retried once', async () => {
		await bed.json(createContact({ lastname: 'Warm-up' }));
		bed.emulator.killSessionsAfter(4);
		bed.emulator.clearRequests();
		const result = await bed.run(createFromItems, tenContacts);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.lastname)).toEqual(tenContacts.map((c) => c.lastname));
		const operations = bed.emulator.requests.map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`);
		expect(operations).toEqual([
			...Array(4).fill('create:ok'),
			'create:INVALID_SESSIONID',
			'getchallenge:ok',
			'login:ok',
			...Array(6).fill('create:ok'),
		]);
		expect(bed.emulator.records('Contacts').filter((r) => String(r.lastname).startsWith('Session-'))).toHaveLength(10);
		const stored = bed.credentials.data(bed.credential.id!);
		expect(stored.sessionName).toBe(bed.emulator.requests.at(-1)?.sessionName);
	});

	test('Session > Login opens a new session; Extend confirms one; Logout is best-effort on PHP 8', async () => {
		const [login] = await bed.json({ resource: 'session', operation: 'login' });
		expect(login).toEqual({ sessionName: expect.stringMatching(/^\w+$/), userId: '19x1', version: '0.22', vtigerVersion: '8.3.0' });

		const [extended] = await bed.json({ resource: 'session', operation: 'extend', sessionName: String(login.sessionName) });
		expect(extended).toMatchObject({ extended: true, sessionName: login.sessionName, userId: '19x1' });

		const [own] = await bed.json({ resource: 'session', operation: 'extend' });
		expect(own).toEqual({ extended: true, userId: '19x1', version: '0.22', vtigerVersion: '8.3.0' });

		const [logout] = await bed.json({ resource: 'session', operation: 'logout', sessionName: String(login.sessionName) });
		expect(logout).toEqual({ loggedOut: false, reason: expect.stringContaining('PHP 8') });
		const [stillAlive] = await bed.json({ resource: 'session', operation: 'extend', sessionName: String(login.sessionName) });
		expect(stillAlive.extended).toBe(true);

		const unknown = await bed.run({ resource: 'session', operation: 'extend', sessionName: 'nosuchsession' });
		expect(unknown.error?.message).toMatch(/\[item 0\]$/);
	});

	test('Logout ends the session on PHP 7, and the node recovers for the next request', async () => {
		await bed.stop();
		bed = await startTestBed({ phpVersion: 7 });
		const [logout] = await bed.json({ resource: 'session', operation: 'logout' });
		expect(logout).toEqual({ loggedOut: true });
		bed.emulator.clearRequests();
		const [contact] = await bed.json(createContact({ lastname: 'After logout' }));
		expect(contact.lastname).toBe('After logout');
		expect(bed.emulator.requests.map((r) => r.operation)).toEqual(['create', 'getchallenge', 'login', 'create']);
	});
});
