import type { IHttpRequestOptions } from 'n8n-workflow';

import { VtigerEmulator } from '../emulator';
import {
	isLoginError,
	type LoginSettings,
	type PlainHttpRequest,
} from '../../nodes/Vtiger/transport/sessions/login';
import {
	crmUser,
	IDLE_LIFETIME_MS,
	keyHashOf,
	logIn,
} from '../../nodes/Vtiger/transport/sessions/registry';

/** What n8n's `helpers.httpRequest` does with the options the transport builds, over real HTTP. */
const send: PlainHttpRequest = async (options: IHttpRequestOptions) => {
	const url = new URL(options.url);
	for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
	const response = await fetch(url, {
		method: options.method,
		headers: options.headers as Record<string, string> | undefined,
		body: options.body as string | Buffer | undefined,
	});
	return { statusCode: response.status, body: await response.text() };
};

const pairs = (emulator: VtigerEmulator) =>
	emulator.requests
		.filter((r) => r.operation === 'getchallenge' || r.operation === 'login')
		.map((r) => `${r.operation}:${r.success ? 'ok' : r.code}`);

describe('The session layer over HTTP to the emulator', () => {
	let emulator: VtigerEmulator;
	let settings: LoginSettings;
	const at = (offsetMs: number) => jest.spyOn(Date, 'now').mockReturnValue(offsetMs);

	beforeEach(async () => {
		emulator = await VtigerEmulator.start();
		settings = {
			crmUrl: emulator.url,
			username: emulator.username,
			accessKey: emulator.accessKey,
			timeoutMs: 5000,
		};
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await emulator.stop();
	});

	const user = () => crmUser(`${emulator.url}/webservice.php`, emulator.username);

	test('logins of one user run one after another: each getchallenge is followed by its own login', async () => {
		const sessions = await Promise.all([
			logIn(send, settings),
			logIn(send, settings),
			logIn(send, settings),
		]);
		expect(new Set(sessions.map((s) => s.sessionName)).size).toBe(3);
		expect(pairs(emulator)).toEqual(
			Array.from({ length: 3 }, () => ['getchallenge:ok', 'login:ok']).flat(),
		);
	});

	test("the credential's logins join one that waits for its turn: four at once cost two logins", async () => {
		const sessions = await Promise.all(
			Array.from({ length: 4 }, async () => await logIn(send, settings, { shared: true })),
		);
		expect(emulator.count('login')).toBe(2);
		expect(new Set(sessions.map((s) => s.sessionName)).size).toBe(2);
	});

	test('a waiting shared login is not joined with another access key', async () => {
		const wrong = { ...settings, accessKey: 'WrongKey12345678' };
		const [first, right, other] = await Promise.allSettled([
			logIn(send, settings, { shared: true }),
			logIn(send, settings, { shared: true }),
			logIn(send, wrong, { shared: true }),
		]);
		expect(first.status).toBe('fulfilled');
		expect(right.status).toBe('fulfilled');
		expect(other.status).toBe('rejected');
	});

	test('a wrong key that never worked: one getchallenge and one login, marked as a first rejection', async () => {
		const error = await logIn(send, { ...settings, accessKey: 'WrongKey12345678' }).catch(
			(e: unknown) => e,
		);
		expect(isLoginError(error) && error.firstRejection).toBe(true);
		expect((error as Error).message).toBe(`Vtiger rejected the access key of user "admin"`);
		expect(pairs(emulator)).toEqual(['getchallenge:ok', 'login:INVALID_USER_CREDENTIALS']);
	});

	test('a key that worked in this process and is rejected now may have lost a race: the pair is repeated', async () => {
		await logIn(send, settings);
		emulator.clearRequests();
		emulator.injectFault({ operation: 'login', kind: 'concurrent-getchallenge' });
		await logIn(send, settings);
		expect(pairs(emulator)).toEqual([
			'getchallenge:ok',
			'login:INVALID_USER_CREDENTIALS',
			'getchallenge:ok',
			'login:ok',
		]);
	});

	test('a Parallel Requests lane keeps its session; a rejected one is replaced once, even when two requests report it', async () => {
		const open = async () => await logIn(send, settings);
		const first = await user().laneSession(1, keyHashOf(settings.accessKey), open);
		expect((await user().laneSession(1, keyHashOf(settings.accessKey), open)).sessionName).toBe(
			first.sessionName,
		);
		const replaced = await Promise.all([
			user().laneSession(1, keyHashOf(settings.accessKey), open, first.sessionName),
			user().laneSession(1, keyHashOf(settings.accessKey), open, first.sessionName),
		]);
		expect(replaced[0].sessionName).not.toBe(first.sessionName);
		expect(replaced[1].sessionName).toBe(replaced[0].sessionName);
		expect(emulator.count('login')).toBe(2);
		expect(user().sessionNames()).toContain(replaced[0].sessionName);
	});

	test('a lane is not handed to a caller with another access key', async () => {
		const mine = await user().laneSession(
			1,
			settings.accessKey,
			async () => await logIn(send, settings),
		);
		const other = { ...settings, accessKey: 'OtherKey12345678' };
		const theirs = user().laneSession(
			1,
			keyHashOf(other.accessKey),
			async () => await logIn(send, other),
		);
		await expect(theirs).rejects.toThrow('Vtiger rejected the access key');
		expect(
			(
				await user().laneSession(
					1,
					keyHashOf(settings.accessKey),
					async () => await logIn(send, settings),
				)
			).sessionName,
		).not.toBe(mine.sessionName);
	});

	test("a lane unused for Vtiger's idle lifetime is replaced before use; a user idle that long is forgotten", async () => {
		const open = async () => await logIn(send, settings);
		at(1_000_000);
		const before = user();
		const first = await before.laneSession(1, keyHashOf(settings.accessKey), open);
		at(1_000_000 + IDLE_LIFETIME_MS + 1);
		const later = user();
		expect(later).not.toBe(before);
		expect((await later.laneSession(1, keyHashOf(settings.accessKey), open)).sessionName).not.toBe(
			first.sessionName,
		);
		at(1_000_000 + IDLE_LIFETIME_MS + 2);
		expect(user()).toBe(later);
	});

	test('remembered values last their lifetime; a failure is not kept; fresh computes again', async () => {
		let computed = 0;
		const compute = async () => ++computed;
		at(0);
		expect(await user().remember('k', 1000, compute)).toBe(1);
		expect(await user().remember('k', 1000, compute)).toBe(1);
		expect(await user().remember('k', 1000, compute, true)).toBe(2);
		at(1001);
		expect(await user().remember('k', 1000, compute)).toBe(3);
		await expect(
			user().remember('f', 1000, async () => await Promise.reject(new Error('no'))),
		).rejects.toThrow('no');
		expect(await user().remember('f', 1000, compute)).toBe(4);
	});
});
