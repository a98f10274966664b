/**
 * The node's own session, kept in the credential: one login for many items and executions, a dead
 * session replaced by one login, logins of one user one after another, and what a wrong key costs. A session the server
 * ends on one request: transport.faults.test.ts.
 */
import { sleep } from 'n8n-workflow';

import { createContact, useTestBed } from '../harness/fixture';
import { WebserviceClient } from '../harness/webservice';
import { emulatorOnly, emulatorOnlyDescribe } from '../harness/target';

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
	const bed = useTestBed({}, {}, { each: true });

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

	test('a credential whose session predates the stored user id: the default owner is asked by user name, without a login', async () => {
		const [first] = await bed.json(createFromItems, [{ lastname: `${bed.crm.tag}Owner-1` }]);
		await bed.credentials.updateCredentials(bed.credential, 'vtigerApi', {
			...bed.credentials.data(bed.credential.id!),
			userId: '',
		});
		const [second] = await bed.json(createFromItems, [{ lastname: `${bed.crm.tag}Owner-2` }]);
		expect(second.assigned_user_id).toBe(bed.crm.userId);
		expect(second.assigned_user_id).toBe(first.assigned_user_id);
		expect(bed.credentials.preAuthentications).toBe(1);
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
});

emulatorOnlyDescribe('reads the request log; injects faults')(
	'Logins of one user at the same moment',
	() => {
		const bed = useTestBed({}, {}, { each: true });

		const input = Array.from({ length: 3 }, (_, n) => ({ lastname: `Together-${n}` }));

		const create = {
			...createContact({}),
			fieldsJson: '={{ JSON.stringify($json) }}',
			parallelRequests: 1,
		};

		test('two executions on a cold credential log in one after another; both succeed', async () => {
			const other = bed.otherCredential();
			const [first, second] = await Promise.all([
				bed.run(create, input),
				bed.run(create, input, { credential: other }),
			]);
			expect(first.error).toBeUndefined();
			expect(second.error).toBeUndefined();
			const logins = bed.emulator.requests.filter(
				(r) => r.operation === 'getchallenge' || r.operation === 'login',
			);
			expect(logins.map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`)).toEqual([
				'getchallenge:ok',
				'login:ok',
				'getchallenge:ok',
				'login:ok',
			]);
			expect(
				bed.emulator.records('Contacts').filter((r) => String(r.lastname).startsWith('Together-')),
			).toHaveLength(6);
		});

		const logins = () =>
			bed.emulator.requests
				.filter((r) => r.operation === 'getchallenge' || r.operation === 'login')
				.map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`);

		test("a lost session's new login loses the user's token to another n8n process: the pair is repeated once", async () => {
			await bed.json(createContact({ lastname: 'Together-before' }));
			bed.emulator.clearRequests();
			bed.emulator.injectFault({ operation: 'create', kind: 'kill-session' });
			bed.emulator.injectFault({ operation: 'login', kind: 'concurrent-getchallenge' });
			const result = await bed.run(create, input);
			expect(result.error).toBeUndefined();
			expect(
				bed.emulator.requests.slice(0, 6).map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`),
			).toEqual([
				'create:INVALID_SESSIONID',
				'getchallenge:ok',
				'login:INVALID_USER_CREDENTIALS',
				'getchallenge:ok',
				'login:ok',
				'create:ok',
			]);
			expect(bed.emulator.count('create')).toBe(4);
		});

		test('a credential that never logged in loses the token to another process, which stores its session: the item runs on that session', async () => {
			bed.emulator.injectFault({ operation: 'login', kind: 'concurrent-getchallenge' });
			const otherProcess = new WebserviceClient(
				bed.url,
				bed.emulator.username,
				bed.emulator.accessKey,
			);
			const stored = (async () => {
				while (!logins().includes('login:INVALID_USER_CREDENTIALS')) await sleep(5);
				await otherProcess.login();
				Object.assign(bed.credentials.data(bed.credential.id!), {
					sessionName: otherProcess.sessionName,
					userId: otherProcess.userId,
				});
			})();
			const result = await bed.run(create, input);
			await stored;
			expect(result.error).toBeUndefined();
			expect(logins()).toEqual([
				'getchallenge:ok',
				'login:INVALID_USER_CREDENTIALS',
				'getchallenge:ok',
				'login:ok',
			]);
			expect(
				new Set(
					bed.emulator.requests.filter((r) => r.operation === 'create').map((r) => r.sessionName),
				),
			).toEqual(new Set([otherProcess.sessionName]));
		});

		test('a wrong access key on a credential that never logged in: one getchallenge and one login, then the message', async () => {
			bed.credentials.data(bed.credential.id!).secretAccessKey = 'WrongKey12345678';
			const result = await bed.run(create, input);
			expect(result.error?.message).toBe(
				`Vtiger rejected the access key of user "${bed.emulator.username}" [item 0]`,
			);
			expect(logins()).toEqual(['getchallenge:ok', 'login:INVALID_USER_CREDENTIALS']);
			expect(bed.emulator.requests).toHaveLength(2);
		});

		test('a key that worked, now rejected (changed in Vtiger): 8 pairs, as a race with other processes would look the same', async () => {
			await bed.json(createContact({ lastname: 'Together-before' }));
			bed.credentials.data(bed.credential.id!).secretAccessKey = 'WrongKey12345678';
			bed.credentials.data(bed.credential.id!).sessionName = '';
			bed.emulator.clearRequests();
			const result = await bed.run(create, input);
			expect(result.error?.message).toBe(
				`Vtiger rejected the access key of user "${bed.emulator.username}" [item 0]`,
			);
			expect(logins()).toEqual(
				Array.from({ length: 8 }, () => [
					'getchallenge:ok',
					'login:INVALID_USER_CREDENTIALS',
				]).flat(),
			);
		});
	},
);
