/**
 * Tests of the Vtiger webservice emulator itself, over real HTTP (ref = /work/shared/vtiger-webservice.md).
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
		return JSON.parse((await this.rawGet({ sessionName: this.sessionName, ...p })).text) as Envelope;
	}

	async post(p: Params): Promise<Envelope> {
		return JSON.parse((await this.rawPost({ sessionName: this.sessionName, ...p })).text) as Envelope;
	}

	async challenge(username = 'admin'): Promise<string> {
		const r = JSON.parse((await this.rawGet({ operation: 'getchallenge', username })).text) as Envelope;
		return r.result.token as string;
	}

	async login(username = 'admin', key = this.emu.accessKey): Promise<Envelope> {
		const token = await this.challenge(username);
		const r = JSON.parse((await this.rawPost({ operation: 'login', username, accessKey: md5(token + key) })).text) as Envelope;
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

const errorOf = (r: Envelope): [string | number | undefined, string | undefined] => [r.error?.code, r.error?.message];

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
		const ch = JSON.parse((await c.rawGet({ operation: 'getchallenge', username: 'ADMIN' })).text) as Envelope;
		expect(ch.result.token).toMatch(/^[0-9a-f]{13}$/);
		expect(ch.result.expireTime - ch.result.serverTime).toBe(300);
		const r = await new Client(emu).login();
		expect(Object.keys(r.result)).toEqual([
			'username', 'first_name', 'last_name', 'email', 'time_zone', 'hour_format', 'date_format', 'is_admin',
			'call_duration', 'other_event_duration', 'sessionName', 'userId', 'version', 'vtigerVersion',
		]);
		expect(r.result.sessionName).toMatch(/^[0-9a-f]{21}$/);
		expect(r.result).toMatchObject({ userId: '19x1', version: '0.22', vtigerVersion: '8.3.0', is_admin: 'on' });
	});

	test('getchallenge errors', async () => {
		const unknown = JSON.parse((await c.rawGet({ operation: 'getchallenge', username: 'nobody' })).text) as Envelope;
		expect(errorOf(unknown)).toEqual(['ACCESS_DENIED', 'username does not exists']);
		const missing = JSON.parse((await c.rawPost({ operation: 'getchallenge', username: 'admin' })).text) as Envelope;
		expect(errorOf(missing)).toEqual(['ACCESS_DENIED', 'No username given']);
	});

	test('a new challenge replaces the previous token; uppercase hex fails; GET login has no token', async () => {
		const t1 = await c.challenge();
		const t2 = await c.challenge();
		const login = async (p: Params) => JSON.parse((await c.rawPost({ operation: 'login', username: 'admin', ...p })).text) as Envelope;
		expect((await login({ accessKey: md5(t1 + emu.accessKey) })).error?.code).toBe('INVALID_USER_CREDENTIALS');
		expect((await login({ accessKey: md5(t2 + emu.accessKey).toUpperCase() })).error?.code).toBe('INVALID_USER_CREDENTIALS');
		expect((await login({ accessKey: md5(t2 + emu.accessKey) })).success).toBe(true);
		const viaGet = JSON.parse((await c.rawGet({ operation: 'login', username: 'admin', accessKey: md5(t2 + emu.accessKey) })).text) as Envelope;
		expect(errorOf(viaGet)).toEqual(['INVALID_AUTH_TOKEN', 'Specified token is invalid or expired']);
	});

	test('token lifetime follows the clock', async () => {
		emu.clock.set(new Date('2030-01-01T00:00:00Z'));
		const token = await c.challenge();
		emu.clock.advance(301);
		const r = JSON.parse((await c.rawPost({ operation: 'login', username: 'admin', accessKey: md5(token + emu.accessKey) })).text) as Envelope;
		expect(r.error?.code).toBe('INVALID_AUTH_TOKEN');
	});

	test('users without access key or inactive', async () => {
		emu.addUser({ username: 'nokey' });
		emu.addUser({ username: 'gone', accessKey: 'Key0000000000001', active: false });
		expect(errorOf(await new Client(emu).login('nokey', ''))).toEqual(['ACCESSKEY_UNDEFINED', 'Access key for the user is undefined']);
		expect((await new Client(emu).login('gone', 'Key0000000000001')).error?.code).toBe('INVALID_USER_CREDENTIALS');
	});

	test('missing, "null", unknown, killed and idle sessions', async () => {
		const me = new Client(emu);
		await me.login();
		expect(errorOf(await c.get({ operation: 'listtypes', sessionName: '' }))).toEqual(['AUTHENTICATION_REQUIRED', 'Authencation required']);
		expect((await c.get({ operation: 'listtypes', sessionName: 'null' })).error?.code).toBe('AUTHENTICATION_REQUIRED');
		expect(errorOf(await c.get({ operation: 'listtypes', sessionName: 'abc' }))).toEqual(['INVALID_SESSIONID', 'Session Identifier provided is Invalid']);
		expect((await c.get({ operation: 'getchallenge', username: 'admin', sessionName: 'stale' })).error?.code).toBe('INVALID_SESSIONID');
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
		const json = await fetch(c.ws, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"operation":"listtypes"}' });
		expect(json.status).toBe(500);
		const arr = await fetch(`${c.ws}?operation=retrieve&sessionName=${c.sessionName}&id[]=1x1`);
		expect(arr.status).toBe(500);
		const other = await fetch(`${emu.url}/index.php`);
		expect(other.status).toBe(404);
		expect(await other.text()).toContain('<title>404 Not Found</title>');
		// format≠json: delete runs first, then HTTP 500 (ref 2.1).
		const id = emu.insert('Leads', { lastname: 'FormatVictim' });
		const del = await c.rawPost({ operation: 'delete', sessionName: c.sessionName, id, format: 'xml' });
		expect(del.status).toBe(500);
		expect(emu.records('Leads').some((r) => r.id === id)).toBe(false);
	});

	test('parameters are read only from the location of the operation type', async () => {
		expect(errorOf(await c.get({ operation: 'create', elementType: 'Leads', element: '{"lastname":"x"}' }))).toEqual(['ACCESS_DENIED', 'Permission to perform the operation is denied']);
		expect(errorOf(await c.post({ operation: 'retrieve', id: '19x1' }))).toEqual(['ACCESS_DENIED', 'Permission to perform the operation is denied for id']);
		expect(errorOf(await c.post({ operation: 'describe', elementType: 'Leads' }))).toEqual(['ACCESS_DENIED', 'Permission to perform the operation is denied for name : ']);
		expect((await c.get({ operation: 'revise', element: '{"id":"19x1"}' })).error?.code).toBe('INVALID_ID_ATTRIBUTE');
		// GET-type parameters in the URL of a POST request work.
		const r = await c.rawPost({ sessionName: c.sessionName }, { operation: 'retrieve', id: '19x1' });
		expect((JSON.parse(r.text) as Envelope).result.user_name).toBe('admin');
	});

	test('injected faults', async () => {
		emu.injectFault({ operation: 'listtypes', kind: 'php-warning' });
		const warned = await c.rawGet({ operation: 'listtypes', sessionName: c.sessionName });
		expect(warned.text.startsWith('<br />\n<b>Warning</b>:')).toBe(true);
		expect(warned.text).toContain('{"success":true');
		emu.injectFault({ kind: 'empty-500', times: 2 });
		expect((await c.rawGet({ operation: 'listtypes', sessionName: c.sessionName })).status).toBe(500);
		expect((await c.rawGet({ operation: 'describe', sessionName: c.sessionName, elementType: 'Leads' })).status).toBe(500);
		emu.injectFault({ operation: 'describe', kind: 'html-page' });
		const html = await c.rawGet({ operation: 'describe', sessionName: c.sessionName, elementType: 'Leads' });
		expect([html.status, html.type]).toEqual([200, 'text/html; charset=UTF-8']);
		emu.injectFault({ operation: 'describe', kind: 'invalid-json' });
		const bad = await c.rawGet({ operation: 'describe', sessionName: c.sessionName, elementType: 'Leads' });
		expect(() => JSON.parse(bad.text)).toThrow();
		expect((await c.get({ operation: 'describe', elementType: 'Leads' })).success).toBe(true);
	});

	test('request log', async () => {
		emu.clearRequests();
		await c.get({ operation: 'listtypes' });
		await c.get({ operation: 'retrieve', id: `${emu.idPrefix('Contacts')}X3` });
		expect(emu.count('listtypes')).toBe(1);
		expect(emu.requests[1]).toMatchObject({ operation: 'retrieve', method: 'GET', success: false, code: 'INVALID_ID_ATTRIBUTE', httpStatus: 200 });
	});
});

describe('metadata and records', () => {
	test('prefixes: Users 19, Groups 20, others from describe; custom fields', async () => {
		const d = await c.get({ operation: 'describe', elementType: 'Contacts' });
		expect(d.result.idPrefix).toBe(emu.idPrefix('Contacts'));
		expect(emu.idPrefix('Users')).toBe('19');
		expect(emu.idPrefix('Groups')).toBe('20');
		emu.addField('Contacts', { name: 'cf_901', label: 'Shoe size', type: { name: 'integer' } });
		const fields = (await c.get({ operation: 'describe', elementType: 'Contacts' })).result.fields as Array<{ name: string }>;
		expect(fields.map((f) => f.name).slice(-2)).toEqual(['cf_901', 'id']);
		const created = await c.create('Contacts', { lastname: 'Custom', cf_901: '44', assigned_user_id: c.userId });
		expect(created.result.cf_901).toBe('44');
		const filtered = await c.get({ operation: 'listtypes', fieldTypeList: '["email"]' });
		expect([...filtered.result.types].sort()).toEqual(['Accounts', 'Contacts', 'Leads', 'Vendors']);
		expect((await c.get({ operation: 'listtypes', fieldTypeList: '["nosuch"]' })).result).toEqual({ types: [], information: [] });
	});

	test('create fills every field, stores values per ref 7, encodes the label', async () => {
		const acc = await c.create('Accounts', { accountname: 'Label & Co', assigned_user_id: c.userId });
		const r = await c.create('Contacts', {
			firstname: 'Zoë', lastname: "O'Neill", account_id: acc.result.id, assigned_user_id: c.userId,
			emailoptout: 'true', donotcall: 'on', birthday: '1990-04-21', support_start_date: '2026-12-1',
			contact_no: 'X', nosuchfield: 'ignored',
		});
		expect(r.success).toBe(true);
		expect(r.result).toMatchObject({
			emailoptout: '0', donotcall: '1', birthday: '1990-04-21', support_start_date: '', contact_id: null,
			account_id: acc.result.id, source: 'WEBSERVICE', modifiedby: c.userId, label: 'Zo&euml; O&#039;Neill',
		});
		expect(r.result.contact_no).toMatch(/^CON\d+$/);
		expect(r.result.id).toMatch(new RegExp(`^${emu.idPrefix('Contacts')}x\\d+$`));
		expect(r.result.createdtime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(r.result).not.toHaveProperty('nosuchfield');
		const pot = await c.create('Potentials', { potentialname: 'P', closingdate: '2026-01-01', sales_stage: 'Prospecting', assigned_user_id: c.userId, amount: '1500' });
		expect(pot.result.amount).toBe('1500.00000000');
	});

	test('mandatory fields, references and owners', async () => {
		expect(errorOf(await c.create('Contacts', { firstname: 'x', assigned_user_id: c.userId }))).toEqual(['MANDATORY_FIELDS_MISSING', 'lastname does not have a value']);
		expect((await c.create('HelpDesk', { ticket_title: 't' })).error?.message).toBe('assigned_user_id does not have a value');
		expect((await c.create('Contacts', { lastname: 'x', assigned_user_id: c.userId, account_id: '2' })).error).toEqual({ message: 'Invalid reference specified for account_id', code: 'REFERENCE_INVALID' });
		const contactId = emu.insert('Contacts', { lastname: 'Target' });
		expect((await c.create('Contacts', { lastname: 'x', assigned_user_id: c.userId, account_id: contactId })).error?.code).toBe('REFERENCE_INVALID');
		const free = [...Array(99).keys()].find((n) => n > 0 && !['Users', 'Groups'].some((m) => emu.idPrefix(m) === String(n)) && !['Contacts', 'Accounts', 'Leads', 'Potentials', 'HelpDesk', 'Calendar', 'Events', 'Campaigns', 'Vendors', 'Faq', 'Quotes', 'PurchaseOrder', 'SalesOrder', 'Invoice', 'PriceBooks', 'Products', 'Documents', 'Emails', 'PBXManager', 'ServiceContracts', 'Services', 'ProjectMilestone', 'ProjectTask', 'Project', 'ModComments', 'SMSNotifier', 'Assets', 'Currency', 'DocumentFolders', 'CompanyDetails', 'LineItem', 'Tax', 'ProductTaxes'].some((m) => emu.idPrefix(m) === String(n)));
		expect((await c.create('Contacts', { lastname: 'x', assigned_user_id: c.userId, account_id: `${free}x1` })).error?.message).toBe('Permission to perform the operation is denied for id');
		expect((await c.create('contacts', { lastname: 'x', assigned_user_id: c.userId })).error?.message).toBe('Permission to perform the operation is denied');
		const bad = await c.post({ operation: 'create', elementType: 'Contacts', element: "{'lastname':'x'}" });
		expect(errorOf(bad)).toEqual(['INTERNAL_SERVER_ERROR', 'Unknown Error while processing request']);
		expect((await c.rawPost({ operation: 'create', sessionName: c.sessionName, elementType: 'Contacts' })).status).toBe(500);
	});

	test('update is full, revise is partial; delete; id validation', async () => {
		const id = (await c.create('Contacts', { lastname: 'Upd', mobile: '1', assigned_user_id: c.userId, account_id: emu.insert('Accounts', { accountname: 'RefKeep' }) })).result.id as string;
		expect((await c.post({ operation: 'update', element: JSON.stringify({ id, lastname: 'Upd2' }) })).error?.message).toBe('assigned_user_id does not have a value');
		const upd = await c.post({ operation: 'update', element: JSON.stringify({ id, lastname: 'Upd2', assigned_user_id: c.userId, account_id: '' }) });
		expect(upd.result).toMatchObject({ lastname: 'Upd2', mobile: '1' });
		expect(upd.result.account_id).not.toBeNull();
		const rev = await c.post({ operation: 'revise', element: JSON.stringify({ id, account_id: '' }) });
		expect(rev.result).toMatchObject({ lastname: 'Upd2', account_id: null });
		expect((await c.post({ operation: 'revise', element: JSON.stringify({ id, lastname: '' }) })).error?.code).toBe('MANDATORY_FIELDS_MISSING');
		expect((await c.post({ operation: 'revise', element: '{}' })).error?.code).toBe('INVALID_ID_ATTRIBUTE');
		const num = id.split('x')[1];
		expect(errorOf(await c.get({ operation: 'retrieve', id: `${emu.idPrefix('Accounts')}x${num}` }))).toEqual(['INVALID_ID_ATTRIBUTE', 'Id specified is incorrect']);
		expect((await c.get({ operation: 'retrieve', id: id.replace('x', 'X') })).error?.code).toBe('INVALID_ID_ATTRIBUTE');
		expect((await c.get({ operation: 'retrieve', id: 'abc' })).error?.message).toBe('Permission to perform the operation is denied for id');
		expect((await c.post({ operation: 'delete', id })).result).toEqual({ status: 'successful' });
		expect(errorOf(await c.get({ operation: 'retrieve', id }))).toEqual(['ACCESS_DENIED', 'Permission to perform the operation is denied']);
		expect((await c.post({ operation: 'delete', id })).error?.message).toBe('Permission to perform the operation is denied');
	});

	test('duplicate prevention on Accounts.accountname', async () => {
		expect((await c.create('Accounts', { accountname: 'Dup Ltd', assigned_user_id: c.userId })).success).toBe(true);
		expect((await c.create('Accounts', { accountname: 'DUP LTD', assigned_user_id: c.userId })).error).toEqual({ message: 'Duplicate(s) detected!', code: 0 });
		expect((await c.create('Accounts', { accountname: ' Dup Ltd ', assigned_user_id: c.userId })).success).toBe(true);
	});
});

describe('VTQL', () => {
	const rows = async (q: string): Promise<Array<Record<string, string | null>>> => {
		const r = await c.query(q);
		if (!r.success) throw new Error(`${r.error?.code}: ${r.error?.message}`);
		return r.result;
	};

	test('escaping: doubled quotes, backslashes, LIKE wildcards, unicode', async () => {
		expect((await rows("SELECT lastname FROM Contacts WHERE lastname = 'O''Brien';")).map((r) => r.lastname)).toEqual(["O'Brien"]);
		expect((await rows("SELECT lastname FROM Contacts WHERE lastname = 'O''Brien \\\\ Co';")).map((r) => r.lastname)).toEqual(["O'Brien \\ Co"]);
		expect(await rows("SELECT lastname FROM Contacts WHERE lastname = 'O''Brien \\ Co';")).toEqual([]);
		expect((await rows("SELECT lastname FROM Contacts WHERE lastname = 'back\\\\slash';")).length).toBe(1);
		expect((await rows("SELECT title FROM Contacts WHERE title LIKE '50\\\\% %';")).map((r) => r.title)).toEqual(['50% Partner']);
		expect((await rows("SELECT firstname FROM Contacts WHERE lastname LIKE '%東京%';")).map((r) => r.firstname)).toEqual(['Zoë']);
		expect((await rows("SELECT description FROM Contacts WHERE description = 'a;b';")).length).toBe(1);
		expect((await c.query("SELECT * FROM Contacts WHERE lastname = 'O\\'Brien';")).error?.code).toBe('QUERY_SYNTAX_ERROR');
		expect(errorOf(await c.query("SELECT * FROM Contacts WHERE firstname = '';"))).toEqual(['INTERNAL_SERVER_ERROR', 'Unknown Error while processing request']);
		expect((await c.query('SELECT * FROM Contacts WHERE lastname = "x";')).error?.code).toBe('INTERNAL_SERVER_ERROR');
	});

	test('100-row cap, LIMIT offset,count, LIMIT 0, default id order', async () => {
		const all = await rows('SELECT id FROM Contacts;');
		expect(all).toHaveLength(100);
		const nums = all.map((r) => Number(String(r.id).split('x')[1]));
		expect(nums).toEqual([...nums].sort((a, b) => a - b));
		expect(await rows('SELECT id FROM Contacts LIMIT 10, 150;')).toHaveLength(100);
		const total = emu.records('Contacts').length;
		expect(await rows(`SELECT id FROM Contacts ORDER BY id LIMIT ${total - 5}, 100;`)).toHaveLength(5);
		expect(await rows('SELECT id FROM Contacts LIMIT 0;')).toEqual([]);
		expect(await rows("SELECT id FROM Contacts LIMIT '5';")).toEqual([]);
	});

	test('AND binds tighter than OR; ids, references and owners; unquoted words', async () => {
		const q = "SELECT ticketstatus, ticketpriorities FROM HelpDesk WHERE ticketstatus = 'closed' AND ticketpriorities = 'Urgent' OR ticketstatus = 'Open' LIMIT 100;";
		const got = await rows(q);
		expect(got.length).toBeGreaterThan(0);
		expect(got.every((r) => r.ticketstatus === 'Open' || (r.ticketstatus === 'Closed' && r.ticketpriorities === 'Urgent'))).toBe(true);
		expect(got.some((r) => r.ticketstatus === 'Open' && r.ticketpriorities !== 'Urgent')).toBe(true);
		const one = (await rows('SELECT id FROM Leads LIMIT 1;'))[0].id as string;
		expect((await rows(`SELECT lastname FROM Leads WHERE id = '999x${one.split('x')[1]}';`))[0].id).toBe(one);
		expect(await rows(`SELECT lastname FROM Leads WHERE id = ${one.split('x')[1]};`)).toEqual([]);
		expect((await c.query("SELECT * FROM Contacts WHERE account_id = '5';")).error?.code).toBe('INVALID_ID_ATTRIBUTE');
		expect((await rows("SELECT id FROM Leads WHERE assigned_user_id = '19x1' LIMIT 100;")).length).toBeGreaterThan(0);
		expect(await rows('SELECT lastname FROM Leads WHERE lastname = Lead001;')).toEqual([]);
		expect(await rows('SELECT lastname FROM Leads WHERE lastname = lastname;')).toHaveLength(Math.min(100, emu.records('Leads').length));
		const keys = Object.keys((await rows('SELECT id, lastname, firstname, lastname FROM Leads LIMIT 1;'))[0]);
		expect(keys).toEqual(['lastname', 'firstname', 'id']);
	});

	test('count(*), grammar errors and access errors', async () => {
		expect(await rows('SELECT count(*) FROM Contacts;')).toEqual([]);
		expect(errorOf(await c.query('SELECT id FROM Contacts LIMIT 2'))).toEqual([
			'QUERY_SYNTAX_ERROR', "Syntax Error on line 1: token '2' Unexpected End of Input(0), expected one of: SEMICOLON",
		]);
		expect((await c.query("SELECT * FROM Contacts WHERE (lastname = 'x');")).error?.message).toBe(
			"Syntax Error on line 1: token '(' Unexpected PARENOPEN((), expected one of: COLUMNNAME",
		);
		for (const bad of ["lastname <> 'x'", "NOT lastname = 'x'", 'lastname IS NULL', 'lastname IN ()']) {
			expect((await c.query(`SELECT * FROM Contacts WHERE ${bad};`)).error?.code).toBe('QUERY_SYNTAX_ERROR');
		}
		expect((await c.query('SELECT * FROM Contacts ORDER BY lastname ASC, firstname ASC;')).error?.code).toBe('QUERY_SYNTAX_ERROR');
		expect((await c.query('SELECT * FROM leads;')).error?.message).toBe('Permission to perform the operation is denied for name : leads');
		expect((await c.query('SELECT nosuch FROM Leads;')).error?.message).toBe("Permission to access '.nosuch.' attribute denied.");
		expect((await c.query("SELECT * FROM Leads WHERE nosuch = '1';")).error?.message).toBe('Permission to access nosuch attribute denied.');
		expect(await rows('SELECT * FROM Leads ORDER BY nosuch;')).toEqual([]);
		const desc = await rows('SELECT lastname FROM Leads ORDER BY lastname DESC LIMIT 2;');
		expect(desc[0].lastname! >= desc[1].lastname!).toBe(true);
	});
});
