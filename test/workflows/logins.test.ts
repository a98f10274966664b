import { sleep } from 'n8n-workflow';

import { runVtigerNode } from '../harness/engine';
import { createContact, startTestBed, type VtigerTestBed } from '../harness/fixture';
import { WebserviceClient } from '../harness/webservice';

describe('Logins of one user at the same moment, and wrong keys', () => {
	let bed: VtigerTestBed;
	const input = Array.from({ length: 3 }, (_, n) => ({ lastname: `Together-${n}` }));
	const create = {
		...createContact({}),
		fieldsJson: '={{ JSON.stringify($json) }}',
		parallelRequests: 1,
	};

	beforeEach(async () => {
		bed = await startTestBed();
	});
	afterEach(async () => await bed.stop());

	test('two executions on a cold credential log in one after another; both succeed', async () => {
		const other = bed.credentials.add('cred-2', 'Same user', 'vtigerApi', {
			...bed.credentials.data(bed.credential.id!),
		});
		const [first, second] = await Promise.all([
			bed.run(create, input),
			runVtigerNode({ parameters: create, input, credentials: bed.credentials, credential: other }),
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
			Array.from({ length: 8 }, () => ['getchallenge:ok', 'login:INVALID_USER_CREDENTIALS']).flat(),
		);
	});
});
