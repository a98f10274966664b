/**
 * Tests of the Vtiger webservice emulator itself, over real HTTP (protocol facts: docs/vtiger-webservice.md).
 */
import { createHash } from 'crypto';
import { VtigerEmulator } from './emulator';

type Params = Record<string, string>;
interface Raw {
	status: number;
	type: string | null;
	text: string;
}
interface Envelope {
	success: boolean;
	result?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	error?: { message: string; code: string | number };
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

class Client {
	sessionName = '';
	userId = '';
	constructor(readonly emu: VtigerEmulator) {}

	get ws(): string {
		return `${this.emu.url}/webservice.php`;
	}

	async rawGet(p: Params): Promise<Raw> {
		const r = await fetch(`${this.ws}?${new URLSearchParams(p)}`);
		return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
	}

	async rawPost(p: Params, query: Params = {}): Promise<Raw> {
		const qs = Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
		const r = await fetch(this.ws + qs, { method: 'POST', body: new URLSearchParams(p) });
		return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
	}

	async get(p: Params): Promise<Envelope> {
		return JSON.parse(
			(await this.rawGet({ sessionName: this.sessionName, ...p })).text,
		) as Envelope;
	}

	async post(p: Params): Promise<Envelope> {
		return JSON.parse(
			(await this.rawPost({ sessionName: this.sessionName, ...p })).text,
		) as Envelope;
	}

	async challenge(username = 'admin'): Promise<string> {
		const r = JSON.parse(
			(await this.rawGet({ operation: 'getchallenge', username })).text,
		) as Envelope;
		return r.result.token as string;
	}

	async login(username = 'admin', key = this.emu.accessKey): Promise<Envelope> {
		const token = await this.challenge(username);
		const r = JSON.parse(
			(await this.rawPost({ operation: 'login', username, accessKey: md5(token + key) })).text,
		) as Envelope;
		if (r.success) {
			this.sessionName = r.result.sessionName;
			this.userId = r.result.userId;
		}
		return r;
	}

	query(q: string): Promise<Envelope> {
		return this.get({ operation: 'query', query: q });
	}

	create(elementType: string, element: object): Promise<Envelope> {
		return this.post({ operation: 'create', elementType, element: JSON.stringify(element) });
	}
}

const errorOf = (r: Envelope): [string | number | undefined, string | undefined] => [
	r.error?.code,
	r.error?.message,
];

let emu: VtigerEmulator;
let c: Client;

beforeAll(async () => {
	emu = await VtigerEmulator.start({ demoData: true });
	c = new Client(emu);
	await c.login();
});
afterAll(() => emu.stop());
afterEach(() => emu.clock.useRealTime());

describe('authentication and sessions', () => {
	test('getchallenge + login with md5(token + accessKey)', async () => {
		const ch = JSON.parse(
			(await c.rawGet({ operation: 'getchallenge', username: 'ADMIN' })).text,
		) as Envelope;
		expect(ch.result.token).toMatch(/^[0-9a-f]{13}$/);
		expect(ch.result.expireTime - ch.result.serverTime).toBe(300);
		const r = await new Client(emu).login();
		expect(Object.keys(r.result)).toEqual([
			'username',
			'first_name',
			'last_name',
			'email',
			'time_zone',
			'hour_format',
			'date_format',
			'is_admin',
			'call_duration',
			'other_event_duration',
			'sessionName',
			'userId',
			'version',
			'vtigerVersion',
		]);
		expect(r.result.sessionName).toMatch(/^[0-9a-f]{14,21}$/);
		expect(r.result).toMatchObject({
			userId: '19x1',
			version: '0.22',
			vtigerVersion: '8.3.0',
			is_admin: 'on',
		});
	});

	test('getchallenge errors', async () => {
		const unknown = JSON.parse(
			(await c.rawGet({ operation: 'getchallenge', username: 'nobody' })).text,
		) as Envelope;
		expect(errorOf(unknown)).toEqual(['ACCESS_DENIED', 'username does not exists']);
		const missing = JSON.parse(
			(await c.rawPost({ operation: 'getchallenge', username: 'admin' })).text,
		) as Envelope;
		expect(errorOf(missing)).toEqual(['ACCESS_DENIED', 'No username given']);
	});

	test('a new challenge replaces the previous token; uppercase hex fails; GET login has no token', async () => {
		const t1 = await c.challenge();
		const t2 = await c.challenge();
		const login = async (p: Params) =>
			JSON.parse(
				(await c.rawPost({ operation: 'login', username: 'admin', ...p })).text,
			) as Envelope;
		expect((await login({ accessKey: md5(t1 + emu.accessKey) })).error?.code).toBe(
			'INVALID_USER_CREDENTIALS',
		);
		expect((await login({ accessKey: md5(t2 + emu.accessKey).toUpperCase() })).error?.code).toBe(
			'INVALID_USER_CREDENTIALS',
		);
		expect((await login({ accessKey: md5(t2 + emu.accessKey) })).success).toBe(true);
		const viaGet = JSON.parse(
			(
				await c.rawGet({
					operation: 'login',
					username: 'admin',
					accessKey: md5(t2 + emu.accessKey),
				})
			).text,
		) as Envelope;
		expect(errorOf(viaGet)).toEqual([
			'INVALID_AUTH_TOKEN',
			'Specified token is invalid or expired',
		]);
	});

	test('token lifetime follows the clock', async () => {
		emu.clock.set(new Date('2030-01-01T00:00:00Z'));
		const token = await c.challenge();
		emu.clock.advance(301);
		const r = JSON.parse(
			(
				await c.rawPost({
					operation: 'login',
					username: 'admin',
					accessKey: md5(token + emu.accessKey),
				})
			).text,
		) as Envelope;
		expect(r.error?.code).toBe('INVALID_AUTH_TOKEN');
	});

	test('users without access key or inactive', async () => {
		emu.addUser({ username: 'nokey' });
		emu.addUser({ username: 'gone', accessKey: 'Key0000000000001', active: false });
		expect(errorOf(await new Client(emu).login('nokey', ''))).toEqual([
			'ACCESSKEY_UNDEFINED',
			'Access key for the user is undefined',
		]);
		expect((await new Client(emu).login('gone', 'Key0000000000001')).error?.code).toBe(
			'INVALID_USER_CREDENTIALS',
		);
	});

	test('missing, "null", unknown, killed and idle sessions', async () => {
		const me = new Client(emu);
		await me.login();
		expect(errorOf(await c.get({ operation: 'listtypes', sessionName: '' }))).toEqual([
			'AUTHENTICATION_REQUIRED',
			'Authencation required',
		]);
		expect((await c.get({ operation: 'listtypes', sessionName: 'null' })).error?.code).toBe(
			'AUTHENTICATION_REQUIRED',
		);
		expect(errorOf(await c.get({ operation: 'listtypes', sessionName: 'abc' }))).toEqual([
			'INVALID_SESSIONID',
			'Session Identifier provided is Invalid',
		]);
		expect(
			(await c.get({ operation: 'getchallenge', username: 'admin', sessionName: 'stale' })).error
				?.code,
		).toBe('INVALID_SESSIONID');
		emu.setSessionIdleSeconds(10);
		emu.clock.set(new Date());
		emu.clock.advance(11);
		expect((await me.get({ operation: 'listtypes' })).error?.code).toBe('INVALID_SESSIONID');
		emu.setSessionIdleSeconds(1440);
		emu.clock.useRealTime();
		await me.login();
		emu.killAllSessions();
		expect((await me.get({ operation: 'listtypes' })).error?.code).toBe('INVALID_SESSIONID');
		await c.login();
	});

	test('requests on one session run one at a time, other sessions in parallel', async () => {
		const other = new Client(emu);
		await other.login();
		emu.setLatency(50);
		try {
			emu.clearRequests();
			await Promise.all([c.get({ operation: 'listtypes' }), c.get({ operation: 'listtypes' })]);
			expect(emu.requests.map((r) => r.inFlight)).toEqual([1, 1]);
			emu.clearRequests();
			await Promise.all([c.get({ operation: 'listtypes' }), other.get({ operation: 'listtypes' })]);
			expect(Math.max(...emu.requests.map((r) => r.inFlight))).toBe(2);
		} finally {
			emu.setLatency(0);
		}
	});

	test('logout: HTTP 500 on PHP 8 and the session survives; works on PHP 7', async () => {
		const r = await c.rawPost({ operation: 'logout', sessionName: c.sessionName });
		expect([r.status, r.text]).toEqual([500, '']);
		expect((await c.get({ operation: 'listtypes' })).success).toBe(true);

		const php7 = await VtigerEmulator.start({ phpVersion: 7 });
		try {
			const p = new Client(php7);
			await p.login();
			expect((await p.get({ operation: 'logout' })).error?.code).toBe('OPERATION_NOT_SUPPORTED');
			expect((await p.post({ operation: 'logout' })).result).toEqual({ message: 'successfull' });
			expect((await p.get({ operation: 'listtypes' })).error?.code).toBe('INVALID_SESSIONID');
		} finally {
			await php7.stop();
		}
	});
});

describe('transport', () => {
	test('non-JSON failures: unknown op, JSON body, array params, bad format, other paths', async () => {
		expect(await c.rawGet({ operation: 'nosuchop' })).toMatchObject({ status: 500, text: '' });
		expect(await c.rawGet({})).toMatchObject({ status: 500, text: '' });
		const json = await fetch(c.ws, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"operation":"listtypes"}',
		});
		expect(json.status).toBe(500);
		const arr = await fetch(`${c.ws}?operation=retrieve&sessionName=${c.sessionName}&id[]=1x1`);
		expect(arr.status).toBe(500);
		const other = await fetch(`${emu.url}/index.php`);
		expect(other.status).toBe(404);
		expect(await other.text()).toContain('<title>404 Not Found</title>');
		// format≠json: delete runs first, then HTTP 500 (docs/vtiger-webservice.md#format-parameter).
		const id = emu.insert('Leads', { lastname: 'FormatVictim' });
		const del = await c.rawPost({
			operation: 'delete',
			sessionName: c.sessionName,
			id,
			format: 'xml',
		});
		expect(del.status).toBe(500);
		expect(emu.records('Leads').some((r) => r.id === id)).toBe(false);
	});

	test('parameters are read only from the location of the operation type', async () => {
		expect(
			errorOf(
				await c.get({ operation: 'create', elementType: 'Leads', element: '{"lastname":"x"}' }),
			),
		).toEqual(['ACCESS_DENIED', 'Permission to perform the operation is denied']);
		expect(errorOf(await c.post({ operation: 'retrieve', id: '19x1' }))).toEqual([
			'ACCESS_DENIED',
			'Permission to perform the operation is denied for id',
		]);
		expect(errorOf(await c.post({ operation: 'describe', elementType: 'Leads' }))).toEqual([
			'ACCESS_DENIED',
			'Permission to perform the operation is denied for name : ',
		]);
		expect((await c.get({ operation: 'revise', element: '{"id":"19x1"}' })).error?.code).toBe(
			'INVALID_ID_ATTRIBUTE',
		);
		// GET-type parameters in the URL of a POST request work.
		const r = await c.rawPost(
			{ sessionName: c.sessionName },
			{ operation: 'retrieve', id: '19x1' },
		);
		expect((JSON.parse(r.text) as Envelope).result.user_name).toBe('admin');
	});

	test('injected faults', async () => {
		emu.injectFault({ operation: 'listtypes', kind: 'php-warning' });
		const warned = await c.rawGet({ operation: 'listtypes', sessionName: c.sessionName });
		expect(warned.text.startsWith('<br />\n<b>Warning</b>:')).toBe(true);
		expect(warned.text).toContain('{"success":true');
		emu.injectFault({ kind: 'empty-500', times: 2 });
		expect((await c.rawGet({ operation: 'listtypes', sessionName: c.sessionName })).status).toBe(
			500,
		);
		expect(
			(await c.rawGet({ operation: 'describe', sessionName: c.sessionName, elementType: 'Leads' }))
				.status,
		).toBe(500);
		emu.injectFault({ operation: 'describe', kind: 'html-page' });
		const html = await c.rawGet({
			operation: 'describe',
			sessionName: c.sessionName,
			elementType: 'Leads',
		});
		expect([html.status, html.type]).toEqual([200, 'text/html; charset=UTF-8']);
		emu.injectFault({ operation: 'describe', kind: 'invalid-json' });
		const bad = await c.rawGet({
			operation: 'describe',
			sessionName: c.sessionName,
			elementType: 'Leads',
		});
		expect(() => JSON.parse(bad.text)).toThrow();
		expect((await c.get({ operation: 'describe', elementType: 'Leads' })).success).toBe(true);
	});

	test('request log', async () => {
		emu.clearRequests();
		await c.get({ operation: 'listtypes' });
		await c.get({ operation: 'retrieve', id: `${emu.idPrefix('Contacts')}X3` });
		expect(emu.count('listtypes')).toBe(1);
		expect(emu.requests[1]).toMatchObject({
			operation: 'retrieve',
			method: 'GET',
			success: false,
			code: 'INVALID_ID_ATTRIBUTE',
			httpStatus: 200,
		});
	});
});

describe('metadata and records', () => {
	test('prefixes: Users 19, Groups 20, others from describe; custom fields', async () => {
		const d = await c.get({ operation: 'describe', elementType: 'Contacts' });
		expect(d.result.idPrefix).toBe(emu.idPrefix('Contacts'));
		expect(emu.idPrefix('Users')).toBe('19');
		expect(emu.idPrefix('Groups')).toBe('20');
		emu.addField('Contacts', { name: 'cf_901', label: 'Shoe size', type: { name: 'integer' } });
		const fields = (await c.get({ operation: 'describe', elementType: 'Contacts' })).result
			.fields as Array<{ name: string }>;
		expect(fields.map((f) => f.name).slice(-2)).toEqual(['cf_901', 'id']);
		const created = await c.create('Contacts', {
			lastname: 'Custom',
			cf_901: '44',
			assigned_user_id: c.userId,
		});
		expect(created.result.cf_901).toBe('44');
		const filtered = await c.get({ operation: 'listtypes', fieldTypeList: '["email"]' });
		expect([...filtered.result.types].sort()).toEqual(['Accounts', 'Contacts', 'Leads', 'Vendors']);
		expect((await c.get({ operation: 'listtypes', fieldTypeList: '["nosuch"]' })).result).toEqual({
			types: [],
			information: [],
		});
	});

	test('create fills every field, stores values as docs/vtiger-webservice.md#values says, encodes the label', async () => {
		const acc = await c.create('Accounts', {
			accountname: 'Label & Co',
			assigned_user_id: c.userId,
		});
		const r = await c.create('Contacts', {
			firstname: 'Zoë',
			lastname: "O'Neill",
			account_id: acc.result.id,
			assigned_user_id: c.userId,
			emailoptout: 'true',
			donotcall: 'on',
			birthday: '1990-04-21',
			support_start_date: '2026-12-1',
			contact_no: 'X',
			nosuchfield: 'ignored',
		});
		expect(r.success).toBe(true);
		expect(r.result).toMatchObject({
			emailoptout: '0',
			donotcall: '1',
			birthday: '1990-04-21',
			support_start_date: '2026-12-01',
			contact_id: null,
			account_id: acc.result.id,
			source: 'WEBSERVICE',
			modifiedby: c.userId,
			label: 'Zo&euml; O&#039;Neill',
		});
		expect(r.result.contact_no).toMatch(/^CON\d+$/);
		expect(r.result.id).toMatch(new RegExp(`^${emu.idPrefix('Contacts')}x\\d+$`));
		expect(r.result.createdtime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(r.result).not.toHaveProperty('nosuchfield');
		const pot = await c.create('Potentials', {
			potentialname: 'P',
			closingdate: '2026-01-01',
			sales_stage: 'Prospecting',
			assigned_user_id: c.userId,
			amount: '1500',
		});
		expect(pot.result.amount).toBe('1500.00000000');
	});

	test('mandatory fields, references and owners', async () => {
		expect(
			errorOf(await c.create('Contacts', { firstname: 'x', assigned_user_id: c.userId })),
		).toEqual(['MANDATORY_FIELDS_MISSING', 'lastname does not have a value']);
		expect((await c.create('HelpDesk', { ticket_title: 't' })).error?.message).toBe(
			'assigned_user_id does not have a value',
		);
		expect(
			(await c.create('Contacts', { lastname: 'x', assigned_user_id: c.userId, account_id: '2' }))
				.error,
		).toEqual({ message: 'Invalid reference specified for account_id', code: 'REFERENCE_INVALID' });
		const contactId = emu.insert('Contacts', { lastname: 'Target' });
		expect(
			(
				await c.create('Contacts', {
					lastname: 'x',
					assigned_user_id: c.userId,
					account_id: contactId,
				})
			).error?.code,
		).toBe('REFERENCE_INVALID');
		const free = [...Array(99).keys()].find(
			(n) =>
				n > 0 &&
				!['Users', 'Groups'].some((m) => emu.idPrefix(m) === String(n)) &&
				![
					'Contacts',
					'Accounts',
					'Leads',
					'Potentials',
					'HelpDesk',
					'Calendar',
					'Events',
					'Campaigns',
					'Vendors',
					'Faq',
					'Quotes',
					'PurchaseOrder',
					'SalesOrder',
					'Invoice',
					'PriceBooks',
					'Products',
					'Documents',
					'Emails',
					'PBXManager',
					'ServiceContracts',
					'Services',
					'ProjectMilestone',
					'ProjectTask',
					'Project',
					'ModComments',
					'SMSNotifier',
					'Assets',
					'Currency',
					'DocumentFolders',
					'CompanyDetails',
					'LineItem',
					'Tax',
					'ProductTaxes',
				].some((m) => emu.idPrefix(m) === String(n)),
		);
		expect(
			(
				await c.create('Contacts', {
					lastname: 'x',
					assigned_user_id: c.userId,
					account_id: `${free}x1`,
				})
			).error?.message,
		).toBe('Permission to perform the operation is denied for id');
		expect(
			(await c.create('contacts', { lastname: 'x', assigned_user_id: c.userId })).error?.message,
		).toBe('Permission to perform the operation is denied');
		const bad = await c.post({
			operation: 'create',
			elementType: 'Contacts',
			element: "{'lastname':'x'}",
		});
		expect(errorOf(bad)).toEqual([
			'INTERNAL_SERVER_ERROR',
			'Unknown Error while processing request',
		]);
		expect(
			(
				await c.rawPost({
					operation: 'create',
					sessionName: c.sessionName,
					elementType: 'Contacts',
				})
			).status,
		).toBe(500);
	});

	test('update is full, revise is partial; delete; id validation', async () => {
		const id = (
			await c.create('Contacts', {
				lastname: 'Upd',
				mobile: '1',
				assigned_user_id: c.userId,
				account_id: emu.insert('Accounts', { accountname: 'RefKeep' }),
			})
		).result.id as string;
		expect(
			(await c.post({ operation: 'update', element: JSON.stringify({ id, lastname: 'Upd2' }) }))
				.error?.message,
		).toBe('assigned_user_id does not have a value');
		const upd = await c.post({
			operation: 'update',
			element: JSON.stringify({ id, lastname: 'Upd2', assigned_user_id: c.userId, account_id: '' }),
		});
		expect(upd.result).toMatchObject({ lastname: 'Upd2', mobile: '1' });
		expect(upd.result.account_id).not.toBeNull();
		const rev = await c.post({
			operation: 'revise',
			element: JSON.stringify({ id, account_id: '' }),
		});
		expect(rev.result).toMatchObject({ lastname: 'Upd2', account_id: null });
		expect(
			(await c.post({ operation: 'revise', element: JSON.stringify({ id, lastname: '' }) })).error
				?.code,
		).toBe('MANDATORY_FIELDS_MISSING');
		expect((await c.post({ operation: 'revise', element: '{}' })).error?.code).toBe(
			'INVALID_ID_ATTRIBUTE',
		);
		const num = id.split('x')[1];
		expect(
			errorOf(await c.get({ operation: 'retrieve', id: `${emu.idPrefix('Accounts')}x${num}` })),
		).toEqual(['INVALID_ID_ATTRIBUTE', 'Id specified is incorrect']);
		expect((await c.get({ operation: 'retrieve', id: id.replace('x', 'X') })).error?.code).toBe(
			'INVALID_ID_ATTRIBUTE',
		);
		expect((await c.get({ operation: 'retrieve', id: 'abc' })).error?.message).toBe(
			'Permission to perform the operation is denied for id',
		);
		expect((await c.post({ operation: 'delete', id })).result).toEqual({ status: 'successful' });
		expect(errorOf(await c.get({ operation: 'retrieve', id }))).toEqual([
			'ACCESS_DENIED',
			'Permission to perform the operation is denied',
		]);
		expect((await c.post({ operation: 'delete', id })).error?.message).toBe(
			'Permission to perform the operation is denied',
		);
	});

	test('duplicate prevention on Accounts.accountname', async () => {
		expect(
			(await c.create('Accounts', { accountname: 'Dup Ltd', assigned_user_id: c.userId })).success,
		).toBe(true);
		expect(
			(await c.create('Accounts', { accountname: 'DUP LTD', assigned_user_id: c.userId })).error,
		).toEqual({ message: 'Duplicate(s) detected!', code: 0 });
		expect(
			(await c.create('Accounts', { accountname: ' Dup Ltd ', assigned_user_id: c.userId }))
				.success,
		).toBe(true);
	});
});

describe('VTQL', () => {
	const rows = async (q: string): Promise<Array<Record<string, string | null>>> => {
		const r = await c.query(q);
		if (!r.success) throw new Error(`${r.error?.code}: ${r.error?.message}`);
		return r.result;
	};

	test('escaping: doubled quotes, backslashes, LIKE wildcards, unicode', async () => {
		expect(
			(await rows("SELECT lastname FROM Contacts WHERE lastname = 'O''Brien';")).map(
				(r) => r.lastname,
			),
		).toEqual(["O'Brien"]);
		expect(
			(await rows("SELECT lastname FROM Contacts WHERE lastname = 'O''Brien \\\\ Co';")).map(
				(r) => r.lastname,
			),
		).toEqual(["O'Brien \\ Co"]);
		expect(await rows("SELECT lastname FROM Contacts WHERE lastname = 'O''Brien \\ Co';")).toEqual(
			[],
		);
		expect(
			(await rows("SELECT lastname FROM Contacts WHERE lastname = 'back\\\\slash';")).length,
		).toBe(1);
		expect(
			(await rows("SELECT title FROM Contacts WHERE title LIKE '50\\\\% %';")).map((r) => r.title),
		).toEqual(['50% Partner']);
		expect(
			(await rows("SELECT firstname FROM Contacts WHERE lastname LIKE '%東京%';")).map(
				(r) => r.firstname,
			),
		).toEqual(['Zoë']);
		expect((await rows("SELECT description FROM Contacts WHERE description = 'a;b';")).length).toBe(
			1,
		);
		expect(
			(await c.query("SELECT * FROM Contacts WHERE lastname = 'O\\'Brien';")).error?.code,
		).toBe('QUERY_SYNTAX_ERROR');
		expect(errorOf(await c.query("SELECT * FROM Contacts WHERE firstname = '';"))).toEqual([
			'INTERNAL_SERVER_ERROR',
			'Unknown Error while processing request',
		]);
		expect((await c.query('SELECT * FROM Contacts WHERE lastname = "x";')).error?.code).toBe(
			'INTERNAL_SERVER_ERROR',
		);
	});

	test('100-row cap, LIMIT offset,count, LIMIT 0, default id order', async () => {
		const all = await rows('SELECT id FROM Contacts;');
		expect(all).toHaveLength(100);
		const nums = all.map((r) => Number(String(r.id).split('x')[1]));
		expect(nums).toEqual([...nums].sort((a, b) => a - b));
		expect(await rows('SELECT id FROM Contacts LIMIT 10, 150;')).toHaveLength(100);
		const total = emu.records('Contacts').length;
		expect(await rows(`SELECT id FROM Contacts ORDER BY id LIMIT ${total - 5}, 100;`)).toHaveLength(
			5,
		);
		expect(await rows('SELECT id FROM Contacts LIMIT 0;')).toEqual([]);
		expect(await rows("SELECT id FROM Contacts LIMIT '5';")).toEqual([]);
	});

	test('AND binds tighter than OR; ids, references and owners; unquoted words', async () => {
		const q =
			"SELECT ticketstatus, ticketpriorities FROM HelpDesk WHERE ticketstatus = 'closed' AND ticketpriorities = 'Urgent' OR ticketstatus = 'Open' LIMIT 100;";
		const got = await rows(q);
		expect(got.length).toBeGreaterThan(0);
		expect(
			got.every(
				(r) =>
					r.ticketstatus === 'Open' ||
					(r.ticketstatus === 'Closed' && r.ticketpriorities === 'Urgent'),
			),
		).toBe(true);
		expect(got.some((r) => r.ticketstatus === 'Open' && r.ticketpriorities !== 'Urgent')).toBe(
			true,
		);
		const one = (await rows('SELECT id FROM Leads LIMIT 1;'))[0].id as string;
		expect(
			(await rows(`SELECT lastname FROM Leads WHERE id = '999x${one.split('x')[1]}';`))[0].id,
		).toBe(one);
		expect(await rows(`SELECT lastname FROM Leads WHERE id = ${one.split('x')[1]};`)).toEqual([]);
		expect((await c.query("SELECT * FROM Contacts WHERE account_id = '5';")).error?.code).toBe(
			'INVALID_ID_ATTRIBUTE',
		);
		expect(
			(await rows("SELECT id FROM Leads WHERE assigned_user_id = '19x1' LIMIT 100;")).length,
		).toBeGreaterThan(0);
		expect(await rows('SELECT lastname FROM Leads WHERE lastname = Lead001;')).toEqual([]);
		expect(await rows('SELECT lastname FROM Leads WHERE lastname = lastname;')).toHaveLength(
			Math.min(100, emu.records('Leads').length),
		);
		const keys = Object.keys(
			(await rows('SELECT id, lastname, firstname, lastname FROM Leads LIMIT 1;'))[0],
		);
		expect(keys).toEqual(['lastname', 'firstname', 'id']);
	});

	test('count(*), grammar errors and access errors', async () => {
		expect(await rows('SELECT count(*) FROM Contacts;')).toEqual([]);
		expect(errorOf(await c.query('SELECT id FROM Contacts LIMIT 2'))).toEqual([
			'QUERY_SYNTAX_ERROR',
			"Syntax Error on line 1: token '2' Unexpected End of Input(0), expected one of: SEMICOLON",
		]);
		expect((await c.query("SELECT * FROM Contacts WHERE (lastname = 'x');")).error?.message).toBe(
			"Syntax Error on line 1: token '(' Unexpected PARENOPEN((), expected one of: COLUMNNAME",
		);
		for (const bad of [
			"lastname <> 'x'",
			"NOT lastname = 'x'",
			'lastname IS NULL',
			'lastname IN ()',
		]) {
			expect((await c.query(`SELECT * FROM Contacts WHERE ${bad};`)).error?.code).toBe(
				'QUERY_SYNTAX_ERROR',
			);
		}
		expect(
			(await c.query('SELECT * FROM Contacts ORDER BY lastname ASC, firstname ASC;')).error?.code,
		).toBe('QUERY_SYNTAX_ERROR');
		expect((await c.query('SELECT * FROM leads;')).error?.message).toBe(
			'Permission to perform the operation is denied for name : leads',
		);
		expect((await c.query('SELECT nosuch FROM Leads;')).error?.message).toBe(
			"Permission to access '.nosuch.' attribute denied.",
		);
		expect((await c.query("SELECT * FROM Leads WHERE nosuch = '1';")).error?.message).toBe(
			'Permission to access nosuch attribute denied.',
		);
		expect(await rows('SELECT * FROM Leads ORDER BY nosuch;')).toEqual([]);
		const desc = await rows('SELECT lastname FROM Leads ORDER BY lastname DESC LIMIT 2;');
		expect(desc[0].lastname! >= desc[1].lastname!).toBe(true);
	});
});

/** A multipart POST (docs/vtiger-webservice.md#document-upload): `files` maps part name → [client file name, content type, bytes]. */
async function multipart(
	cl: Client,
	fields: Params,
	files: Record<string, [string, string, Buffer]>,
): Promise<Raw> {
	const form = new FormData();
	for (const [k, v] of Object.entries({ sessionName: cl.sessionName, ...fields }))
		form.append(k, v);
	for (const [part, [name, type, bytes]] of Object.entries(files))
		form.append(part, new Blob([bytes], { type }), name);
	const r = await fetch(cl.ws, { method: 'POST', body: form });
	return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
}

describe('relations', () => {
	const related = (id: string, relatedType: string, relatedLabel: string) =>
		c.get({ operation: 'retrieve_related', id, relatedType, relatedLabel });
	const queryRelated = (id: string, relatedLabel: string, query: string) =>
		c.get({ operation: 'query_related', id, relatedLabel, query });
	const addRelated = (p: Params) => c.post({ operation: 'add_related', ...p });

	test('relatedtypes: module names with duplicates, information by label; errors', async () => {
		const r = await c.get({ operation: 'relatedtypes', elementType: 'Accounts' });
		expect(r.result.types.filter((t: string) => t === 'Calendar')).toHaveLength(2);
		expect(r.result.information.Contacts).toEqual({
			name: 'Contacts',
			label: 'Contacts',
			isEntity: '1',
		});
		expect(r.result.information['Activity History'].name).toBe('Calendar');
		expect(r.result.information['Sales Order'].name).toBe('SalesOrder');
		expect(r.result.information.ModComments.name).toBe('ModComments');
		expect((await c.get({ operation: 'relatedtypes', elementType: 'Events' })).result).toEqual({
			types: [],
			information: [],
		});
		expect((await c.get({ operation: 'relatedtypes', elementType: 'nosuch' })).error?.message).toBe(
			'Permission to perform the operation is denied for name : nosuch',
		);
		expect(
			(
				await c.rawGet({
					operation: 'relatedtypes',
					sessionName: c.sessionName,
					elementType: 'Groups',
				})
			).status,
		).toBe(500);
	});

	test('retrieve_related and query_related follow reference fields; the quirks of docs/vtiger-webservice.md#query-related', async () => {
		const acc = emu.insert('Accounts', { accountname: 'Rel Holdings' });
		const a = emu.insert('Contacts', { lastname: 'Dalton', account_id: acc });
		const b = emu.insert('Contacts', { lastname: 'Ames', account_id: acc });
		emu.insert('Contacts', { lastname: 'Elsewhere' });
		const got = await related(acc, 'Contacts', 'Contacts');
		expect(got.result.map((r: { id: string }) => r.id)).toEqual([a, b]);
		expect(got.result[0]).not.toHaveProperty('label');
		expect(got.result[0].birthday).toBeNull();
		for (const [type, label] of [
			['Contacts', 'Potentials'],
			['Contacts', ''],
			['Potentials', 'Contacts'],
		]) {
			expect(errorOf(await related(acc, type, label))).toEqual([
				'UNKOWN_ENTITY',
				'Relation specified is incorrect',
			]);
		}
		expect(
			(await related(emu.insert('Accounts', { accountname: 'Lonely' }), 'Contacts', 'Contacts'))
				.result,
		).toEqual([]);

		const q = (text: string) => queryRelated(acc, 'Contacts', text);
		expect(
			(await q("SELECT lastname FROM Contacts WHERE lastname LIKE 'D%' LIMIT 0, 50")).result,
		).toEqual([{ lastname: 'Dalton', id: a }]);
		expect(errorOf(await q('SELECT * FROM Contacts;'))).toEqual([
			'UNKOWN_ENTITY',
			'Relation specified is incorrect',
		]);
		// With a WHERE the module is found, and the server appends a second ';'.
		expect(errorOf(await q("SELECT * FROM Contacts WHERE lastname = 'Dalton';"))).toEqual([
			'QUERY_SYNTAX_ERROR',
			"Syntax Error on line 1: token ';' Unexpected SEMICOLON(;), expected one of: ",
		]);
		expect(errorOf(await q('SELECT id FROM Contacts LIMIT 5'))).toEqual([
			'QUERY_SYNTAX_ERROR',
			"Syntax Error on line 1: token 'WHERE' Unexpected WHERE(WHERE), expected one of: SEMICOLON",
		]);
		expect((await q("SELECT id FROM Contacts where lastname = 'Ames'")).error?.code).toBe(
			'QUERY_SYNTAX_ERROR',
		);
		expect(
			(await q("SELECT id FROM Contacts WHERE id > '0x0' ORDER BY lastname")).result.map(
				(r: { id: string }) => r.id,
			),
		).toEqual([b, a]);
		expect((await q("SELECT count(*) FROM Contacts WHERE id > '0x0'")).result).toEqual([]);
		expect((await queryRelated(acc, 'Potentials', 'SELECT * FROM Contacts')).error?.code).toBe(
			'UNKOWN_ENTITY',
		);
		await c.post({ operation: 'delete', id: acc });
		expect(errorOf(await related(acc, 'Contacts', 'Contacts'))).toEqual([
			'ACCESS_DENIED',
			'Permission to perform the operation is denied for name : ',
		]);
	});

	test('add_related links many-to-many relations only, and answers success anyway (docs/vtiger-webservice.md#add-related); inactive documents are left out of relations', async () => {
		const acc = emu.insert('Accounts', { accountname: 'Linker' });
		const doc = emu.insert('Documents', {
			notes_title: 'Spec',
			filelocationtype: 'E',
			filename: 'http://x.example/spec.pdf',
			filestatus: '1',
		});
		const doc2 = emu.insert('Documents', { notes_title: 'Second', filestatus: '1' });
		const contact = emu.insert('Contacts', { lastname: 'Loose' });
		const ok = { message: 'successfull' };
		expect(
			(
				await addRelated({
					sourceRecordId: acc,
					relatedRecordId: doc,
					relationIdLabel: 'Documents',
				})
			).result,
		).toEqual(ok);
		expect(
			(
				await addRelated({
					sourceRecordId: acc,
					relatedRecordId: doc,
					relationIdLabel: 'Documents',
				})
			).result,
		).toEqual(ok);
		expect((await addRelated({ sourceRecordId: acc, relatedRecordId: doc2 })).result).toEqual(ok);
		expect(
			(
				await addRelated({
					sourceRecordId: acc,
					relatedRecordId: contact,
					relationIdLabel: 'Contacts',
				})
			).result,
		).toEqual(ok);
		expect(
			(await addRelated({ sourceRecordId: acc, relatedRecordId: contact, relationIdLabel: 'Nope' }))
				.result,
		).toEqual(ok);
		expect(
			(
				await addRelated({
					sourceRecordId: acc,
					relatedRecordId: doc.replace(/x\d+$/, 'x999999'),
					relationIdLabel: 'Documents',
				})
			).result,
		).toEqual(ok);
		const inactive = emu.insert('Documents', { notes_title: 'Inactive' });
		expect(
			(
				await addRelated({
					sourceRecordId: acc,
					relatedRecordId: inactive,
					relationIdLabel: 'Documents',
				})
			).result,
		).toEqual(ok);
		expect(
			(await related(acc, 'Documents', 'Documents')).result.map((r: { id: string }) => r.id),
		).toEqual([doc, doc2]);
		expect((await related(acc, 'Contacts', 'Contacts')).result).toEqual([]);
		expect((await addRelated({ sourceRecordId: 'abc', relatedRecordId: doc })).error?.code).toBe(
			'INVALID_ID_ATTRIBUTE',
		);
		expect(
			(await c.get({ operation: 'add_related', sourceRecordId: acc, relatedRecordId: doc })).error
				?.code,
		).toBe('INVALID_ID_ATTRIBUTE');
		await c.post({ operation: 'delete', id: acc });
		expect((await addRelated({ sourceRecordId: acc, relatedRecordId: doc })).error?.code).toBe(
			'INTERNAL_SERVER_ERROR',
		);

		// Contacts ↔ Potentials: the potential's contact_id and the many-to-many link both count.
		const pot = emu.insert('Potentials', { potentialname: 'Both ways', contact_id: contact });
		const other = emu.insert('Contacts', { lastname: 'Linked' });
		await addRelated({ sourceRecordId: pot, relatedRecordId: other, relationIdLabel: 'Contacts' });
		expect(
			(await related(pot, 'Contacts', 'Contacts')).result.map((r: { id: string }) => r.id),
		).toEqual([contact, other]);
		expect(
			(await related(other, 'Potentials', 'Potentials')).result.map((r: { id: string }) => r.id),
		).toEqual([pot]);
		const ticket = emu.insert('HelpDesk', { ticket_title: 'Docs', ticketstatus: 'Open' });
		await addRelated({
			sourceRecordId: ticket,
			relatedRecordId: doc,
			relationIdLabel: 'Documents',
		});
		expect(
			(await related(ticket, 'Documents', 'Documents')).result.map((r: { id: string }) => r.id),
		).toEqual([doc]);
	});

	test('ModComments: create, query by related_to, retrieve_related with label ModComments', async () => {
		const contact = emu.insert('Contacts', { lastname: 'Commented' });
		const created = await c.create('ModComments', {
			commentcontent: 'Hello',
			related_to: contact,
			assigned_user_id: c.userId,
		});
		expect(created.result).toMatchObject({
			commentcontent: 'Hello',
			related_to: contact,
			creator: c.userId,
		});
		expect(
			(await c.create('ModComments', { commentcontent: 'x', assigned_user_id: c.userId })).error
				?.message,
		).toBe('related_to does not have a value');
		await c.create('ModComments', {
			commentcontent: 'Second',
			related_to: contact,
			assigned_user_id: c.userId,
		});
		const listed = await c.query(
			`SELECT * FROM ModComments WHERE related_to = '${contact}' ORDER BY id DESC LIMIT 100;`,
		);
		expect(listed.result.map((r: { commentcontent: string }) => r.commentcontent)).toEqual([
			'Second',
			'Hello',
		]);
		const viaRelation = await related(contact, 'ModComments', 'ModComments');
		expect(viaRelation.result.map((r: { commentcontent: string }) => r.commentcontent)).toEqual([
			'Hello',
			'Second',
		]);
	});
});

describe('Documents and files', () => {
	const pdf = Buffer.from('%PDF-1.4\n\x00\x01binary\xff', 'latin1');
	const element = {
		notes_title: 'Signed contract',
		filelocationtype: 'I',
		filename: 'my contract.pdf',
		folderid: '',
		assigned_user_id: '19x1',
	};

	test('multipart create stores the file; filestatus default "0"; imageattachmentids after id', async () => {
		const r = JSON.parse(
			(
				await multipart(
					c,
					{ operation: 'create', elementType: 'Documents', element: JSON.stringify(element) },
					{ filename: ['my contract.pdf', 'application/pdf', pdf] },
				)
			).text,
		) as Envelope;
		expect(r.result).toMatchObject({
			filename: 'my_contract.pdf',
			filetype: 'application/pdf',
			filesize: String(pdf.length),
			filelocationtype: 'I',
			filestatus: '0',
			folderid: `${emu.idPrefix('DocumentFolders')}x1`,
		});
		const keys = Object.keys(r.result);
		expect(keys[keys.indexOf('id') + 1]).toBe('imageattachmentids');
		expect(r.result.imageattachmentids).toMatch(new RegExp(`^${emu.idPrefix('Documents')}x\\d+$`));
		const stored = emu.attachment(r.result.id);
		expect(stored).toMatchObject({ fileName: 'my_contract.pdf', mimeType: 'application/pdf' });
		expect(stored!.bytes.equals(pdf)).toBe(true);
		const got = await c.get({ operation: 'retrieve', id: r.result.id });
		expect(got.result.imageattachmentids).toBe(r.result.imageattachmentids);
		const rows = await c.query(`SELECT notes_title FROM Documents WHERE id = '${r.result.id}';`);
		expect(rows.result[0].imageattachmentids).toBe(r.result.imageattachmentids);
		expect(
			(
				await c.rawGet({
					operation: 'files_retrieve',
					sessionName: c.sessionName,
					id: r.result.imageattachmentids,
				})
			).status,
		).toBe(500);
	});

	test('other part names, no file, external URL, dangerous names, replacing the file', async () => {
		const make = async (el: object, files: Record<string, [string, string, Buffer]>) =>
			(
				JSON.parse(
					(
						await multipart(
							c,
							{ operation: 'create', elementType: 'Documents', element: JSON.stringify(el) },
							files,
						)
					).text,
				) as Envelope
			).result;
		const other = await make(
			{ ...element, filestatus: '1' },
			{ file: ['a.txt', 'text/plain', Buffer.from('a')] },
		);
		expect(other).toMatchObject({ filesize: '0', filestatus: '1' });
		expect(other.imageattachmentids).toBeDefined();
		const none = (await c.create('Documents', element)).result;
		expect(none.filesize).toBe('0');
		expect(none).not.toHaveProperty('imageattachmentids');
		const ext = (
			await c.create('Documents', {
				...element,
				filelocationtype: 'E',
				filename: 'files.example.com/spec.pdf',
			})
		).result;
		expect(ext).toMatchObject({
			filename: 'http://files.example.com/spec.pdf',
			filelocationtype: 'E',
			filesize: '0',
		});
		expect(
			(await make(element, { filename: ['evil.php', 'text/plain', Buffer.from('<?php')] }))
				.filename,
		).toBe('evil.phpfile.txt');

		const doc = await make(element, { filename: ['v1.txt', 'text/plain', Buffer.from('one')] });
		const v2 = JSON.parse(
			(
				await multipart(
					c,
					{ operation: 'revise', element: JSON.stringify({ id: doc.id }) },
					{ filename: ['v2.txt', 'text/plain', Buffer.from('two!')] },
				)
			).text,
		) as Envelope;
		expect(v2.result).toMatchObject({ filename: 'v2.txt', filesize: '4' });
		expect(v2.result.imageattachmentids).not.toBe(doc.imageattachmentids);
		const plain = await c.post({
			operation: 'revise',
			element: JSON.stringify({ id: doc.id, notes_title: 'Renamed' }),
		});
		expect(plain.result).toMatchObject({
			filename: 'v2.txt',
			filesize: '4',
			imageattachmentids: v2.result.imageattachmentids,
		});
		expect(emu.attachment(doc.id)!.bytes.toString()).toBe('two!');
	});
});

describe('inventory and products', () => {
	let product: string;
	let service: string;
	beforeAll(() => {
		product = emu.insert('Products', {
			productname: 'Widget',
			unit_price: '100',
			tax1: '4.5',
			currency_id: `${emu.idPrefix('Currency')}x1`,
		});
		service = emu.insert('Services', { servicename: 'Setup', unit_price: '50' });
	});
	const quote = () =>
		emu.insertInventory(
			'Quotes',
			{
				subject: 'Q1',
				account_id: emu.insert('Accounts', { accountname: `Inv ${Math.random()}` }),
				quotestage: 'Created',
				bill_street: 'a',
				ship_street: 'b',
				hdnDiscountPercent: '5',
			},
			[
				{
					productid: product,
					quantity: '2',
					listprice: '100',
					comment: 'Blue edition',
					tax1: '4.5',
					tax2: '10',
					tax3: '12.5',
				},
				{ productid: service, quantity: '1', listprice: '50', discount_percent: '10' },
			],
		);

	test('Products/Services pseudo-fields on retrieve; none in query rows', async () => {
		const p = (await c.get({ operation: 'retrieve', id: product })).result;
		const keys = Object.keys(p);
		expect(keys.slice(keys.indexOf('label'))).toEqual([
			'label',
			'tax1',
			'currency1',
			'currency_id',
		]);
		expect(p).toMatchObject({
			tax1: '4.500',
			currency1: 100,
			currency_id: `${emu.idPrefix('Currency')}x1`,
			unit_price: '100.00000000',
		});
		// Observed on 8.3.0: without currency_id the base currency is used, so currency1 carries the price.
		expect((await c.get({ operation: 'retrieve', id: service })).result.currency1).toBe(50);
		expect(
			(await c.query(`SELECT * FROM Products WHERE id = '${product}';`)).result[0],
		).not.toHaveProperty('currency1');
	});

	test('retrieve returns LineItems and totals; query on LineItem; create always fails on 8.3.0', async () => {
		const id = quote();
		const r = (await c.get({ operation: 'retrieve', id })).result;
		expect(r).not.toHaveProperty('quantity');
		expect(r).toMatchObject({
			productid: product,
			hdnTaxType: 'group',
			hdnDiscountPercent: '5.000',
			conversion_rate: '1.000',
			hdnSubTotal: '245.00000000',
			assigned_user_id1: null,
		});
		expect(r.LineItems).toHaveLength(2);
		expect(Object.keys(r.LineItems[0])).toEqual([
			'parent_id',
			'productid',
			'sequence_no',
			'quantity',
			'listprice',
			'discount_percent',
			'discount_amount',
			'comment',
			'description',
			'incrementondel',
			'tax1',
			'tax2',
			'tax3',
			'image',
			'purchase_cost',
			'margin',
			'id',
			'product_name',
			'entity_type',
			'deleted',
		]);
		expect(r.LineItems[0]).toMatchObject({
			parent_id: id,
			productid: product,
			quantity: '2.000',
			listprice: '100.00000000',
			discount_percent: null,
			tax1: '4.500',
			product_name: 'Widget',
			entity_type: 'Products',
			deleted: '0',
		});
		expect(r.LineItems[1]).toMatchObject({
			productid: service,
			entity_type: 'Services',
			discount_percent: '10.000',
			tax1: '0.000',
		});
		expect(r.LineItems[0].id).toMatch(new RegExp(`^${emu.idPrefix('LineItem')}x\\d+$`));
		const lines = await c.query(`SELECT * FROM LineItem WHERE parent_id = '${id}';`);
		expect(lines.result.map((l: { id: string }) => l.id)).toEqual(
			r.LineItems.map((l: { id: string }) => l.id),
		);
		expect(
			(await c.get({ operation: 'relatedtypes', elementType: 'Products' })).result.information
				.Quotes.name,
		).toBe('Quotes');
		expect(
			(
				await c.get({
					operation: 'retrieve_related',
					id: product,
					relatedType: 'Quotes',
					relatedLabel: 'Quotes',
				})
			).result.map((q: { id: string }) => q.id),
		).toContain(id);

		const header = {
			subject: 'New',
			account_id: r.account_id,
			quotestage: 'Created',
			bill_street: 'a',
			ship_street: 'b',
			assigned_user_id: c.userId,
			productid: product,
		};
		expect(errorOf(await c.create('Quotes', header))).toEqual([
			'MANDATORY_FIELDS_MISSING',
			'Mandatory Fields Missing..',
		]);
		expect(errorOf(await c.create('Quotes', { ...header, LineItems: [] }))).toEqual([
			'MANDATORY_FIELDS_MISSING',
			'Mandatory Fields Missing..',
		]);
		const lineItems = [{ productid: product, quantity: '1', listprice: '10' }];
		expect(
			errorOf(await c.create('Quotes', { ...header, subject: '', LineItems: lineItems })),
		).toEqual(['MANDATORY_FIELDS_MISSING', 'subject does not have a value']);
		expect(errorOf(await c.create('Quotes', { ...header, LineItems: lineItems }))).toEqual([
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
		]);
	});

	test('revise without LineItems keeps lines; with LineItems: HTTP 500 after saving (PHP 8)', async () => {
		const id = quote();
		const before = (await c.get({ operation: 'retrieve', id })).result;
		const rev = await c.post({
			operation: 'revise',
			element: JSON.stringify({ id, subject: 'Q1 rev' }),
		});
		expect(rev.result.subject).toBe('Q1 rev');
		expect(rev.result.LineItems).toEqual(before.LineItems);
		expect(rev.result.quantity).toBe('2.000');
		const broken = await c.rawPost({
			operation: 'revise',
			sessionName: c.sessionName,
			element: JSON.stringify({
				id,
				subject: 'Q1 lines',
				LineItems: [{ productid: service, quantity: '3', listprice: '20' }],
			}),
		});
		expect([broken.status, broken.text]).toEqual([500, '']);
		const after = (await c.get({ operation: 'retrieve', id })).result;
		expect(after).toMatchObject({
			subject: 'Q1 lines',
			hdnSubTotal: '0.00000000',
			hdnGrandTotal: '0.00000000',
			pre_tax_total: '0.00000000',
			hdnTaxType: '',
			hdnDiscountPercent: '5.000',
		});
		expect(
			after.LineItems.map((l: { productid: string; quantity: string; tax1: string }) => [
				l.productid,
				l.quantity,
				l.tax1,
			]),
		).toEqual([[service, '3.000', '0.000']]);
	});
});

describe('PHP 7 mode: files_retrieve, convertlead, inventory line writes', () => {
	let php7: VtigerEmulator;
	let p: Client;
	beforeAll(async () => {
		php7 = await VtigerEmulator.start({ phpVersion: 7 });
		p = new Client(php7);
		await p.login();
	});
	afterAll(() => php7.stop());
	const convert = (element: object) =>
		p.post({ operation: 'convertlead', element: JSON.stringify(element) });

	test('files_retrieve returns the file as base64', async () => {
		const bytes = Buffer.from([0, 1, 2, 250, 255]);
		const doc = JSON.parse(
			(
				await multipart(
					p,
					{
						operation: 'create',
						elementType: 'Documents',
						element: JSON.stringify({
							notes_title: 'B',
							filelocationtype: 'I',
							filestatus: '1',
							assigned_user_id: p.userId,
						}),
					},
					{ filename: ['b.dat', 'application/octet-stream', bytes] },
				)
			).text,
		) as Envelope;
		const r = await p.get({ operation: 'files_retrieve', id: doc.result.imageattachmentids });
		expect(r.result).toEqual([
			{
				fileid: doc.result.imageattachmentids.split('x')[1],
				filename: 'b.dat',
				filetype: 'application/octet-stream',
				filesize: 5,
				filecontents: bytes.toString('base64'),
			},
		]);
		expect(
			(await p.get({ operation: 'files_retrieve', id: `${php7.idPrefix('Documents')}x999999` }))
				.error?.code,
		).toBe('RECORD_NOT_FOUND');
		expect((await p.get({ operation: 'files_retrieve', id: 'abc' })).error?.code).toBe(
			'INVALID_ID_ATTRIBUTE',
		);
	});

	test('convertlead creates the entities, hides the lead, refuses a second conversion', async () => {
		const lead = php7.insert('Leads', {
			firstname: 'Jane',
			lastname: 'Doe',
			company: 'Doe Ltd',
			email: 'jane@doe.example',
			city: 'Leeds',
		});
		const comment = php7.insert('ModComments', { commentcontent: 'moved', related_to: lead });
		expect(
			(
				await convert({
					leadId: lead,
					entities: { Potentials: { create: true, name: 'Potentials' } },
				})
			).result,
		).toBeNull();
		const r = await convert({
			leadId: lead,
			assignedTo: p.userId,
			entities: {
				Accounts: { create: true, name: 'Accounts' },
				Contacts: { create: true, name: 'Contacts' },
				Potentials: {
					create: true,
					name: 'Potentials',
					potentialname: 'First order',
					closingdate: '2030-12-31',
					sales_stage: 'Prospecting',
				},
			},
		});
		expect(Object.keys(r.result)).toEqual(['Accounts', 'Contacts', 'Potentials']);
		const contact = (await p.get({ operation: 'retrieve', id: r.result.Contacts })).result;
		expect(contact).toMatchObject({
			lastname: 'Doe',
			firstname: 'Jane',
			email: 'jane@doe.example',
			mailingcity: 'Leeds',
			account_id: r.result.Accounts,
		});
		expect((await p.get({ operation: 'retrieve', id: r.result.Accounts })).result.accountname).toBe(
			'Doe Ltd',
		);
		expect((await p.get({ operation: 'retrieve', id: r.result.Potentials })).result).toMatchObject({
			related_to: r.result.Accounts,
			contact_id: r.result.Contacts,
		});
		expect((await p.get({ operation: 'retrieve', id: comment })).result.related_to).toBe(
			r.result.Contacts,
		);
		expect((await p.query(`SELECT id FROM Leads WHERE id = '${lead}';`)).result).toEqual([]);
		expect((await p.get({ operation: 'retrieve', id: lead })).success).toBe(true);
		expect(
			errorOf(
				await convert({ leadId: lead, entities: { Contacts: { create: true, name: 'Contacts' } } }),
			),
		).toEqual(['LEAD_ALREADY_CONVERTED', 'Lead is already converted']);
		const second = php7.insert('Leads', { lastname: 'Reuse', company: 'doe ltd' });
		const reused = await convert({
			leadId: second,
			entities: { Accounts: { create: true, name: 'Accounts', accountname: 'Doe Ltd' } },
		});
		expect(reused.result).toEqual({ Accounts: r.result.Accounts });
		expect(
			(
				await c.rawPost({
					operation: 'convertlead',
					sessionName: c.sessionName,
					element: JSON.stringify({ leadId: lead }),
				})
			).status,
		).toBe(500);
	});

	test('inventory revise with LineItems replaces lines and recomputes totals', async () => {
		const prod = php7.insert('Products', { productname: 'P', unit_price: '10' });
		const id = php7.insertInventory(
			'Invoice',
			{
				subject: 'I',
				account_id: php7.insert('Accounts', { accountname: 'Inv7' }),
				bill_street: 'a',
				ship_street: 'b',
			},
			[{ productid: prod, quantity: '1', listprice: '10' }],
		);
		const r = await p.post({
			operation: 'revise',
			element: JSON.stringify({
				id,
				hdnTaxType: 'group',
				LineItems: [{ productid: prod, quantity: '3', listprice: '20', tax1: '10' }],
			}),
		});
		expect(r.result).toMatchObject({
			hdnSubTotal: '60.00000000',
			hdnGrandTotal: '66.00000000',
			quantity: '3.000',
		});
		expect(r.result.LineItems).toHaveLength(1);
	});
});

describe('count(*) option', () => {
	test('countWorks answers [{"count":"N"}] in query and query_related', async () => {
		const old = await VtigerEmulator.start({ countWorks: true });
		try {
			const o = new Client(old);
			await o.login();
			const acc = old.insert('Accounts', { accountname: 'Counted' });
			for (const n of ['A', 'B', 'C'])
				old.insert('Contacts', { lastname: n, account_id: n === 'C' ? '' : acc });
			expect((await o.query('SELECT count(*) FROM Contacts;')).result).toEqual([{ count: '3' }]);
			expect((await o.query("SELECT count(*) FROM Contacts WHERE lastname = 'A';")).result).toEqual(
				[{ count: '1' }],
			);
			expect(
				(
					await o.get({
						operation: 'query_related',
						id: acc,
						relatedLabel: 'Contacts',
						query: "SELECT count(*) FROM Contacts WHERE id > '0x0'",
					})
				).result,
			).toEqual([{ count: '2' }]);
		} finally {
			await old.stop();
		}
	});
});

describe('users who are not admins', () => {
	const ACTORS = [
		'Groups',
		'Currency',
		'DocumentFolders',
		'CompanyDetails',
		'LineItem',
		'Tax',
		'ProductTaxes',
	];

	test('nonAdminDefect: listtypes holds the 7 non-entity types, entity modules answer plain ACCESS_DENIED', async () => {
		const defect = await VtigerEmulator.start({ nonAdminDefect: true });
		try {
			defect.addUser({ username: 'sales', accessKey: 'SalesKey12345678' });
			const contact = defect.insert('Contacts', { lastname: 'Seen' });
			const s = new Client(defect);
			expect((await s.login('sales', 'SalesKey12345678')).result.is_admin).toBe('off');
			const types = (await s.get({ operation: 'listtypes' })).result;
			expect([...types.types].sort()).toEqual([...ACTORS].sort());
			expect(
				Object.values(types.information).every(
					(i) => (i as { isEntity: boolean }).isEntity === false,
				),
			).toBe(true);
			const denied = ['ACCESS_DENIED', 'Permission to perform the operation is denied'];
			expect(errorOf(await s.get({ operation: 'describe', elementType: 'Contacts' }))).toEqual(
				denied,
			);
			expect(errorOf(await s.query('SELECT id FROM Contacts;'))).toEqual(denied);
			expect(
				errorOf(await s.create('Contacts', { lastname: 'x', assigned_user_id: s.userId })),
			).toEqual(denied);
			expect(errorOf(await s.get({ operation: 'retrieve', id: contact }))).toEqual(denied);
			expect(
				errorOf(
					await s.post({
						operation: 'revise',
						element: JSON.stringify({ id: contact, lastname: 'y' }),
					}),
				),
			).toEqual(denied);
			expect(errorOf(await s.post({ operation: 'delete', id: contact }))).toEqual(denied);
			expect(errorOf(await s.get({ operation: 'describe', elementType: 'Nope' }))).toEqual([
				'ACCESS_DENIED',
				'Permission to perform the operation is denied for name : Nope',
			]);
			expect((await s.get({ operation: 'describe', elementType: 'Currency' })).success).toBe(true);
			const admin = new Client(defect);
			await admin.login();
			expect((await admin.get({ operation: 'describe', elementType: 'Contacts' })).success).toBe(
				true,
			);
		} finally {
			await defect.stop();
		}
	});

	test('a profile limited to some modules: the others are denied plainly', async () => {
		emu.addUser({
			username: 'support',
			accessKey: 'SupportKey123456',
			modules: ['HelpDesk', 'Calendar'],
		});
		const s = new Client(emu);
		await s.login('support', 'SupportKey123456');
		const { types } = (await s.get({ operation: 'listtypes' })).result;
		expect(types).toEqual(expect.arrayContaining(['HelpDesk', 'Calendar', 'Events', ...ACTORS]));
		expect(types).not.toContain('Contacts');
		expect(errorOf(await s.get({ operation: 'describe', elementType: 'Contacts' }))).toEqual([
			'ACCESS_DENIED',
			'Permission to perform the operation is denied',
		]);
		expect((await s.get({ operation: 'describe', elementType: 'HelpDesk' })).success).toBe(true);
	});
});

describe('what a create stores', () => {
	test('a task without activitytype is stored as an event but answered with a Calendar id nobody can read', async () => {
		const task = {
			subject: 'Call back',
			assigned_user_id: c.userId,
			date_start: '2026-12-01',
			time_start: '10:00:00',
			due_date: '2026-12-01',
			taskstatus: 'Planned',
		};
		const created = (await c.create('Calendar', task)).result;
		expect(created.id.startsWith(`${emu.idPrefix('Calendar')}x`)).toBe(true);
		expect(created.activitytype).toBe('');
		expect(errorOf(await c.get({ operation: 'retrieve', id: created.id }))).toEqual([
			'INVALID_ID_ATTRIBUTE',
			'Id specified is incorrect',
		]);
		const asEvent = `${emu.idPrefix('Events')}x${created.id.split('x')[1]}`;
		expect((await c.get({ operation: 'retrieve', id: asEvent })).success).toBe(true);
		const real = (await c.create('Calendar', { ...task, activitytype: 'Task' })).result;
		expect((await c.get({ operation: 'retrieve', id: real.id })).result.activitytype).toBe('Task');
	});

	test('utf8 columns: an emoji becomes "????" (one per byte), text longer than its column is cut', async () => {
		const r = (
			await c.create('Contacts', {
				lastname: `${'L'.repeat(79)}é and more`,
				firstname: 'Ann 😀',
				assigned_user_id: c.userId,
			})
		).result;
		expect(r.lastname).toBe(`${'L'.repeat(79)}é`);
		expect(r.firstname).toBe('Ann ????');
	});

	test('an owner that is not an id is an incorrect id', async () => {
		expect(
			errorOf(await c.create('Contacts', { lastname: 'x', assigned_user_id: 'admin' })),
		).toEqual(['INVALID_ID_ATTRIBUTE', 'Id specified is incorrect']);
	});
});
