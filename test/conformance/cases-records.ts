/** Cases of docs/vtiger-webservice.md: #record-ids, #values, #record-operations, #documents-and-files, #inventory, #module-notes. */
import * as fs from 'fs';
import * as path from 'path';
import type { Answer } from './client';
import { check, eq, fails, fatal, hasKeys, matches, ok, type Case, type Ctx } from './framework';

const contact = (t: Ctx, lastname: string, extra: object = {}): object => ({
	lastname: `${t.tag} ${lastname}`,
	assigned_user_id: t.me,
	...extra,
});
const synthetic = (json: unknown): Answer => ({ status: 200, type: 'synthetic', text: '', json });
const CONTRACT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'contract.pdf'));

/** Creates a Contacts record with one field value and answers the stored value (for value-format cases). */
function storedValue(
	name: string,
	field: string,
	input: unknown,
	expected?: unknown,
	module = 'Contacts',
): Case {
	return {
		name,
		run: (t) =>
			t.create(
				module,
				module === 'Accounts'
					? { accountname: `${t.tag} ${name}`, assigned_user_id: t.me, [field]: input }
					: contact(t, name.slice(0, 40), { [field]: input }),
			),
		expect: (a) => {
			const r = ok(a);
			if (expected !== undefined) eq(r[field], expected, field);
		},
	};
}

function retrieveId(
	name: string,
	id: (t: Ctx) => string,
	expect: (a: Answer, t: Ctx) => void,
): Case {
	return { name, run: (t) => t.get({ operation: 'retrieve', id: id(t) }), expect };
}

/** Fixtures that mandatory reference fields of other modules point at. */
const REFERENCE_FIXTURES: Record<string, string> = {
	Accounts: 'account',
	Contacts: 'contact',
	Products: 'product',
	Project: 'project',
	Potentials: 'potential',
	Leads: 'lead',
	HelpDesk: 'ticket',
	Vendors: 'vendor',
	Campaigns: 'campaign',
};

/** A record of `module` with every mandatory field filled from the target's own describe, then retrieved. */
function minimal(module: string, name: string): Case {
	return {
		name: `create and retrieve a minimal ${module}`,
		run: async (t) => {
			const d = ok(await t.get({ operation: 'describe', elementType: module }));
			const element: Record<string, string> = {};
			for (const f of d.fields as Array<{
				name: string;
				mandatory: unknown;
				editable: unknown;
				type: { name: string; refersTo?: string[]; picklistValues?: Array<{ value: string }> };
			}>) {
				if (f.mandatory !== true || f.editable !== true) continue;
				const type = f.type;
				if (type.name === 'owner') element[f.name] = t.me;
				else if (type.name === 'reference') {
					const target = (type.refersTo ?? []).find(
						(m) => m === 'Currency' || REFERENCE_FIXTURES[m],
					);
					element[f.name] =
						target === 'Currency'
							? `${t.prefix('Currency')}x1`
							: target
								? t.id(REFERENCE_FIXTURES[target])
								: '';
				} else if (type.name === 'picklist')
					element[f.name] = type.picklistValues?.[0]?.value ?? '';
				else if (type.name === 'date') element[f.name] = '2026-12-01';
				else if (type.name === 'time') element[f.name] = '10:00:00';
				else if (['integer', 'double', 'currency'].includes(type.name)) element[f.name] = '1';
				else if (type.name === 'boolean') element[f.name] = '1';
				else if (type.name === 'email') element[f.name] = 'min@example.com';
				else element[f.name] = `${t.tag} ${module} ${f.name}`;
			}
			const created = await t.create(module, element, name);
			return {
				created,
				retrieved: created.json?.success
					? await t.get({ operation: 'retrieve', id: t.id(name) })
					: created,
			};
		},
		expect: (o: { created: Answer; retrieved: Answer }) => {
			ok(o.created);
			ok(o.retrieved);
		},
	};
}

export const recordCases: Case[] = [
	// ---- create (#create) and the record shape ----
	{
		name: 'create Accounts',
		run: (t) =>
			t.create(
				'Accounts',
				{
					accountname: `${t.tag} Acme & Co`,
					assigned_user_id: t.me,
					annual_revenue: '1234.5',
					employees: '42',
					website: 'www.example.com',
					industry: 'Banking',
				},
				'account',
			),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq(r.label, `${t.tag} Acme &amp; Co`, 'label');
			eq(r.accountname, `${t.tag} Acme & Co`, 'accountname');
			eq(r.annual_revenue, '1234.50000000', 'annual_revenue');
			eq(r.employees, '42', 'employees');
			eq(r.source, 'WEBSERVICE', 'source');
			matches(r.account_no, /^ACC\d+$/, 'account_no');
			matches(r.createdtime, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, 'createdtime');
			eq(r.account_id, null, 'empty reference');
			eq(r.modifiedby, t.me, 'modifiedby');
		},
	},
	{
		name: 'create Contacts with quotes, HTML, accents and CJK',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, `O'Brien & <b>"Co"</b>`, {
					firstname: 'Zoë 東京',
					account_id: t.id('account'),
					email: 'zoe@example.com',
					birthday: '1990-04-21',
					emailoptout: '1',
					title: 'Tom &amp; Jerry',
					description: 'line1\nline2\ttab / slash \\ backslash',
				}),
				'contact',
			),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq(
				r.label,
				`Zo&euml; 東京 ${t.tag} O&#039;Brien &amp; &lt;b&gt;&quot;Co&quot;&lt;/b&gt;`,
				'label',
			);
			eq(r.lastname, `${t.tag} O'Brien & <b>"Co"</b>`, 'lastname stored raw');
			eq(r.title, 'Tom &amp; Jerry', 'entities not decoded');
			eq(r.description, 'line1\nline2\ttab / slash \\ backslash', 'description');
			eq(
				[r.birthday, r.emailoptout, r.account_id],
				['1990-04-21', '1', t.id('account')],
				'birthday, emailoptout, account_id',
			);
			matches(r.contact_no, /^CON\d+$/, 'contact_no');
			eq(r.contact_id, null, 'empty reference');
		},
	},
	{
		name: 'retrieve Contacts',
		run: (t) => t.get({ operation: 'retrieve', id: t.id('contact') }),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq(r.id, t.id('contact'), 'id');
			hasKeys(r, ['label', 'createdtime', 'modifiedtime', 'source', 'starred', 'tags'], 'record');
			eq(r.support_start_date, '', 'unset date on retrieve');
		},
	},
	{
		name: 'retrieve Accounts',
		run: (t) => t.get({ operation: 'retrieve', id: t.id('account') }),
		expect: (a) => ok(a),
	},
	{
		name: 'create Contacts with a backslash and a quote',
		run: (t) => t.create('Contacts', contact(t, `O'Brien \\ Co`), 'backslash'),
		expect: (a, t: Ctx) => eq(ok(a).lastname, `${t.tag} O'Brien \\ Co`, 'lastname'),
	},
	{
		name: 'create Accounts named with % and _',
		run: (t) =>
			t.create(
				'Accounts',
				{ accountname: `${t.tag} 50% Off_Outlet`, assigned_user_id: t.me },
				'percent',
			),
		expect: (a) => ok(a),
	},
	{
		name: 'create with <script> in a value',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'script', { description: '<script>alert(1)</script> & <b>x</b>' }),
			),
		expect: (a) =>
			eq(
				ok(a).description,
				'&lt;script&gt;alert(1)&lt;/script&gt; & &lt;b&gt;x&lt;/b&gt;',
				'description',
			),
	},
	{
		name: 'create with an emoji (stored as one ? per UTF-8 byte)',
		run: (t) => t.create('Contacts', contact(t, 'emoji 😀 end')),
		expect: (a, t: Ctx) => eq(ok(a).lastname, `${t.tag} emoji ???? end`, 'lastname'),
	},
	{
		name: 'create with a control character (written raw)',
		run: (t) => t.create('Contacts', contact(t, 'ctl\u0001x')),
		expect: (a: Answer, t: Ctx) => {
			eq(a.note, 'raw-control-characters', 'the body is invalid JSON');
			eq(ok(a).lastname, `${t.tag} ctl\u0001x`, 'lastname');
		},
	},
	{
		name: 'create with JSON booleans, numbers and null',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'json types', {
					title: false,
					department: true,
					assistant: 42,
					mobile: null,
					donotcall: true,
					notify_owner: false,
				}),
			),
		expect: (a) => {
			const r = ok(a);
			eq(
				[r.title, r.department, r.assistant, r.mobile, r.donotcall, r.notify_owner],
				['0', '1', '42', '', '1', '0'],
				'values',
			);
		},
	},
	{
		name: 'create with boolean strings',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'bool strings', {
					emailoptout: 'true',
					donotcall: 'on',
					reference: 'yes',
					notify_owner: 'TRUE',
					portal: 'off',
				}),
			),
		expect: (a) => {
			const r = ok(a);
			eq(
				[r.emailoptout, r.donotcall, r.reference, r.notify_owner, r.portal],
				['0', '1', '0', '0', '0'],
				'values',
			);
		},
	},
	{
		name: 'create with lenient dates (1)',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'dates 1', {
					birthday: '2026-12-1',
					support_start_date: '2026/12/01',
					support_end_date: '1 Dec 2026',
				}),
			),
		expect: (a) => {
			const r = ok(a);
			eq(
				[r.birthday, r.support_start_date, r.support_end_date],
				['2026-12-01', '2026-12-01', '2026-12-01'],
				'dates',
			);
		},
	},
	{
		name: 'create with lenient dates (2)',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'dates 2', {
					birthday: '01-12-2026',
					support_start_date: '20261201',
					support_end_date: '2026-02-30',
				}),
			),
		expect: (a) => {
			const r = ok(a);
			eq(
				[r.birthday, r.support_start_date, r.support_end_date],
				['2026-12-01', '', '0000-00-00'],
				'dates',
			);
		},
	},
	{
		name: 'create with lenient dates (3)',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'dates 3', {
					birthday: '1990-04-21T10:00:00Z',
					support_start_date: '12/01/2026',
					support_end_date: '2026-13-45',
				}),
			),
		expect: (a) => {
			const r = ok(a);
			eq([r.birthday, r.support_start_date, r.support_end_date], ['', '2026-01-12', ''], 'dates');
		},
	},
	storedValue(
		'create with a number with a thousands separator',
		'annual_revenue',
		'1,234.56',
		'1.00000000',
		'Accounts',
	),
	storedValue(
		'create with a number with a decimal comma',
		'annual_revenue',
		'1234,56',
		'1234.00000000',
		'Accounts',
	),
	storedValue(
		'create with a number in exponent form',
		'annual_revenue',
		'1e3',
		'1000.00000000',
		'Accounts',
	),
	storedValue(
		'create with a non-number in a currency field',
		'annual_revenue',
		'abc',
		'0.00000000',
		'Accounts',
	),
	storedValue('create with a non-number in an integer field', 'employees', 'abc', '0', 'Accounts'),
	storedValue(
		'create with a decimal in an integer field',
		'employees',
		'12.7',
		undefined,
		'Accounts',
	),
	{
		name: 'create with text longer than the column',
		run: (t) =>
			t.create('Contacts', { lastname: `${t.tag} ${'x'.repeat(100)}`, assigned_user_id: t.me }),
		expect: (a) => eq(String(ok(a).lastname).length, 80, 'lastname length'),
	},
	{
		name: 'create ignores unknown fields',
		run: (t) => t.create('Contacts', contact(t, 'unknown field', { nosuchfield: 'x' })),
		expect: (a) => check(!('nosuchfield' in ok(a)), 'no nosuchfield'),
	},
	{
		name: 'create ignores system fields; source can be set',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'system fields', {
					id: t.id('contact'),
					createdtime: '2000-01-01 00:00:00',
					contact_no: 'X1',
					source: 'CONFORMANCE',
				}),
			),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			check(r.id !== t.id('contact'), 'a new record');
			check(
				r.createdtime !== '2000-01-01 00:00:00' && r.contact_no !== 'X1',
				'createdtime and contact_no ignored',
			);
			eq(r.source, 'CONFORMANCE', 'source');
		},
	},
	{
		name: 'create with "0" as the mandatory value',
		run: (t) => t.create('Contacts', { lastname: '0', firstname: t.tag, assigned_user_id: t.me }),
		expect: (a) => eq(ok(a).lastname, '0', 'lastname'),
	},
	// ---- create errors ----
	{
		name: 'create without a mandatory field',
		run: (t) => t.create('Contacts', { firstname: t.tag, assigned_user_id: t.me }),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING', 'lastname does not have a value'),
	},
	{
		name: 'create with an empty mandatory field',
		run: (t) => t.create('Contacts', { lastname: '', assigned_user_id: t.me }),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING', 'lastname does not have a value'),
	},
	{
		name: 'create without assigned_user_id',
		run: (t) => t.create('Contacts', { lastname: `${t.tag} no owner` }),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING', 'assigned_user_id does not have a value'),
	},
	{
		name: 'create of an unknown module',
		run: (t) => t.create('NoSuchModule', contact(t, 'x')),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'create of a lower-case module name',
		run: (t) => t.create('contacts', contact(t, 'x')),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'create without elementType',
		run: (t) => t.post({ operation: 'create', element: JSON.stringify(contact(t, 'x')) }),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	...[
		['unquoted keys', '{lastname:"x"}'],
		['single quotes', "{'lastname':'x'}"],
		['a missing brace', '{"lastname":"x"'],
		['trailing garbage', '{"lastname":"x"} x'],
	].map(
		([what, text]): Case => ({
			name: `create with invalid JSON in element: ${what}`,
			run: (t) => t.create('Contacts', text),
			expect: (a) => fails(a, 'INTERNAL_SERVER_ERROR', 'Unknown Error while processing request'),
		}),
	),
	{
		name: 'create with a trailing comma in element',
		run: (t) => t.create('Contacts', `{"lastname":"${t.tag} comma","assigned_user_id":"${t.me}",}`),
		expect: (a, t: Ctx) => eq(ok(a).lastname, `${t.tag} comma`, 'lastname'),
	},
	{
		name: 'create with \\u escapes in element',
		run: (t) =>
			t.create('Contacts', `{"lastname":"${t.tag} \\u00e9t\\u00e9","assigned_user_id":"${t.me}"}`),
		expect: (a, t: Ctx) => eq(ok(a).lastname, `${t.tag} été`, 'lastname'),
	},
	{
		name: 'create without element',
		run: (t) => t.post({ operation: 'create', elementType: 'Contacts' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'create with element []',
		run: (t) => t.create('Contacts', '[]'),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING'),
	},
	{
		name: 'create with element "abc"',
		run: (t) => t.create('Contacts', '"abc"'),
	},
	{
		name: 'create with element null',
		run: (t) => t.create('Contacts', 'null'),
	},
	// ---- duplicate prevention (#duplicate-prevention) ----
	{
		name: 'create a duplicate account name',
		run: (t) => t.create('Accounts', { accountname: `${t.tag} Acme & Co`, assigned_user_id: t.me }),
		expect: (a) => fails(a, 0, 'Duplicate(s) detected!'),
	},
	{
		name: 'create a duplicate account name in other case',
		run: (t) =>
			t.create('Accounts', {
				accountname: `${t.tag} ACME & CO`.toUpperCase(),
				assigned_user_id: t.me,
			}),
		expect: (a) => fails(a, 0, 'Duplicate(s) detected!'),
	},
	{
		name: 'create an account name with surrounding spaces',
		run: (t) =>
			t.create(
				'Accounts',
				{ accountname: ` ${t.tag} Acme & Co `, assigned_user_id: t.me },
				'accountSpaces',
			),
		expect: (a) => ok(a),
	},
	{
		name: 'revise an account to an existing name',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('accountSpaces'), accountname: `${t.tag} Acme & Co` }),
			}),
		expect: (a) => fails(a, 0, 'Duplicate(s) detected!'),
	},
	{
		name: 'update an account to an existing name',
		run: (t) =>
			t.post({
				operation: 'update',
				element: JSON.stringify({
					id: t.id('accountSpaces'),
					accountname: `${t.tag} acme & co`,
					assigned_user_id: t.me,
				}),
			}),
		expect: (a) => fails(a, 0, 'Duplicate(s) detected!'),
	},
	{
		name: 'revise an account with its own name',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('account'), accountname: `${t.tag} Acme & Co` }),
			}),
		expect: (a) => ok(a),
	},
	// ---- references and owners (#references-and-owners) ----
	{
		name: 'create with a reference outside refersTo',
		run: (t) => t.create('Contacts', contact(t, 'bad ref', { account_id: t.id('contact') })),
		expect: (a) => fails(a, 'REFERENCE_INVALID', 'Invalid reference specified for account_id'),
	},
	{
		name: 'create with a reference without x',
		run: (t) => t.create('Contacts', contact(t, 'bad ref', { account_id: '2' })),
		expect: (a) => fails(a, 'REFERENCE_INVALID', 'Invalid reference specified for account_id'),
	},
	{
		name: 'create with a reference of an unknown prefix',
		run: (t) => t.create('Contacts', contact(t, 'bad ref', { account_id: '999x1' })),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	},
	{
		name: 'create with a reference to a record that does not exist',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'ghost ref', { account_id: `${t.prefix('Accounts')}x99999999` }),
			),
		expect: (a) => eq(ok(a).account_id, null, 'account_id'),
	},
	{
		name: 'create with an owner that does not exist (saved, then the restricted-file page)',
		run: async (t) => {
			const create = await t.create('Contacts', {
				lastname: `${t.tag} ghost owner`,
				assigned_user_id: `${t.prefix('Users')}x999`,
			});
			const saved = await t.query(
				`SELECT lastname, assigned_user_id FROM Contacts WHERE lastname = '${t.tag} ghost owner';`,
			);
			for (const row of saved.json?.result ?? []) t.created.push(String(row.id));
			return { create, saved };
		},
		expect: (o: Record<string, Answer>) => {
			eq(
				[o.create.status, o.create.text],
				[200, 'Sorry! Attempt to access restricted file.'],
				'status and body',
			);
			eq(
				(ok(o.saved) as Array<{ assigned_user_id: string }>).map((r) => r.assigned_user_id),
				['999'],
				'the saved owner',
			);
		},
	},
	{
		name: 'create with an owner id of another module',
		run: (t) =>
			t.create('Contacts', {
				lastname: `${t.tag} odd owner`,
				assigned_user_id: `${t.prefix('Contacts')}x3`,
			}),
		expect: (a, t: Ctx) =>
			eq(ok(a).assigned_user_id, `${t.prefix('Groups')}x3`, 'assigned_user_id'),
	},
	{
		name: 'create with an owner given by name',
		run: (t) =>
			t.create('Contacts', { lastname: `${t.tag} named owner`, assigned_user_id: 'admin' }),
	},
	{
		name: 'create owned by a group',
		run: (t) =>
			t.create('Contacts', {
				lastname: `${t.tag} group owner`,
				assigned_user_id: `${t.prefix('Groups')}x2`,
			}),
		expect: (a, t: Ctx) =>
			eq(ok(a).assigned_user_id, `${t.prefix('Groups')}x2`, 'assigned_user_id'),
	},
	// ---- ids (#record-ids) ----
	retrieveId(
		'retrieve with a leading space in the id',
		(t) => ` ${t.id('contact')}`,
		(a, t) => eq(ok(a).id, t.id('contact'), 'id'),
	),
	retrieveId(
		'retrieve with a third x part',
		(t) => `${t.id('contact')}x4`,
		(a) => ok(a),
	),
	retrieveId(
		'retrieve with a leading zero',
		(t) => `${t.prefix('Contacts')}x0${t.num('contact')}`,
		(a, t) => eq(ok(a).id, `${t.prefix('Contacts')}x0${t.num('contact')}`, 'id echoed'),
	),
	retrieveId(
		'retrieve with upper-case X',
		(t) => `${t.prefix('Contacts')}X${t.num('contact')}`,
		(a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	),
	retrieveId(
		'retrieve with trailing letters',
		(t) => `${t.id('contact')}abc`,
		(a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	),
	retrieveId(
		'retrieve with two ids',
		(t) => `${t.id('contact')},${t.id('backslash')}`,
		(a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	),
	retrieveId(
		'retrieve with a word as id',
		() => 'abc',
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	),
	retrieveId(
		'retrieve with x before the prefix',
		(t) => `x${t.id('contact')}`,
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	),
	// A bare number is looked up as a module prefix (VtigerWebserviceObject::fromId).
	retrieveId(
		'retrieve with a bare number that is a prefix',
		(t) => t.prefix('Contacts'),
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	),
	retrieveId(
		'retrieve with a bare number that is no prefix',
		() => '99999999',
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	),
	retrieveId(
		'retrieve with an unknown prefix',
		() => '999x1',
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	),
	retrieveId(
		'retrieve with the prefix of another module',
		(t) => `${t.prefix('Accounts')}x${t.num('contact')}`,
		(a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	),
	retrieveId(
		'retrieve a record that never existed',
		(t) => `${t.prefix('Contacts')}x99999999`,
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	),
	{
		name: 'retrieve without id',
		run: (t) => t.get({ operation: 'retrieve' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	},
	{
		name: 'revise with a leading space in the id',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: ` ${t.id('backslash')}`, phone: '+1 555 0101' }),
			}),
		expect: (a, t: Ctx) => eq(ok(a).id, t.id('backslash'), 'id'),
	},
	{
		name: 'revise with a leading zero in the id',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({
					id: `${t.prefix('Contacts')}x0${t.num('backslash')}`,
					phone: '+1 555 0102',
				}),
			}),
	},
	{
		name: 'create with a reference with a leading zero',
		run: (t) =>
			t.create(
				'Contacts',
				contact(t, 'zero ref', { account_id: `${t.prefix('Accounts')}x0${t.num('percent')}` }),
			),
		expect: (a, t: Ctx) => eq(ok(a).account_id, t.id('percent'), 'account_id'),
	},
	{
		name: 'create with <script> in a label field',
		run: (t) =>
			t.create('Contacts', contact(t, '<script>x</script>', { firstname: '<b>bold</b>' })),
		expect: (a, t: Ctx) =>
			eq(ok(a).lastname, `${t.tag} &lt;script&gt;x&lt;/script&gt;`, 'lastname'),
	},
	{
		name: 'delete with a leading space in the id',
		run: async (t) => {
			await t.create('Contacts', contact(t, 'victim 2'), 'victim2');
			return t.post({ operation: 'delete', id: ` ${t.id('victim2')}` });
		},
		expect: (a) => eq(ok(a), { status: 'successful' }, 'result'),
	},
	// ---- update (#update) and revise (#revise) ----
	{
		name: 'update keeps omitted fields',
		run: (t) =>
			t.post({
				operation: 'update',
				element: JSON.stringify({
					id: t.id('contact'),
					lastname: `${t.tag} O'Brien & <b>"Co"</b>`,
					assigned_user_id: t.me,
					mobile: '+44 20 7946 0000',
				}),
			}),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq(
				[r.firstname, r.email, r.mobile, r.account_id],
				['Zoë 東京', 'zoe@example.com', '+44 20 7946 0000', t.id('account')],
				'fields',
			);
		},
	},
	{
		name: 'update without a mandatory field',
		run: (t) =>
			t.post({
				operation: 'update',
				element: JSON.stringify({ id: t.id('contact'), mobile: '1' }),
			}),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING', 'lastname does not have a value'),
	},
	{
		name: 'update with an empty reference keeps it',
		run: (t) =>
			t.post({
				operation: 'update',
				element: JSON.stringify({
					id: t.id('contact'),
					lastname: `${t.tag} O'Brien & <b>"Co"</b>`,
					assigned_user_id: t.me,
					account_id: '',
				}),
			}),
		expect: (a, t: Ctx) => eq(ok(a).account_id, t.id('account'), 'account_id'),
	},
	{
		name: 'revise with an empty reference clears it',
		run: async (t) => {
			const cleared = await t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('backslash'), account_id: t.id('account') }),
			});
			return {
				set: cleared,
				clear: await t.post({
					operation: 'revise',
					element: JSON.stringify({ id: t.id('backslash'), account_id: '' }),
				}),
			};
		},
		expect: (o: { set: Answer; clear: Answer }, t: Ctx) => {
			eq(ok(o.set).account_id, t.id('account'), 'set');
			eq(ok(o.clear).account_id, null, 'cleared');
		},
	},
	{
		name: 'revise changes only the fields sent',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('contact'), phone: '+1 555 0100' }),
			}),
		expect: (a) =>
			eq([ok(a).phone, ok(a).firstname], ['+1 555 0100', 'Zoë 東京'], 'phone, firstname'),
	},
	{
		name: 'revise with an empty mandatory field',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('contact'), lastname: '' }),
			}),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING', 'lastname does not have a value'),
	},
	...['{"mobile":"1"}', '{}', '[]', 'null'].map(
		(element): Case => ({
			name: `revise with element ${element}`,
			run: (t) => t.post({ operation: 'revise', element }),
			expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
		}),
	),
	{
		name: 'revise with element "abc"',
		run: (t) => t.post({ operation: 'revise', element: '"abc"' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'revise with invalid JSON',
		run: (t) => t.post({ operation: 'revise', element: `{id:"${t.id('contact')}"}` }),
		expect: (a) => fails(a, 'INTERNAL_SERVER_ERROR', 'Unknown Error while processing request'),
	},
	{
		name: 'revise without element',
		run: (t) => t.post({ operation: 'revise' }),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	{
		name: 'update without element',
		run: (t) => t.post({ operation: 'update' }),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	{
		name: 'revise with the prefix of another module',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: `${t.prefix('Accounts')}x${t.num('contact')}`, phone: '1' }),
			}),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	{
		name: 'revise a record that never existed',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: `${t.prefix('Contacts')}x99999999`, phone: '1' }),
			}),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	// ---- delete (#delete) ----
	{
		name: 'delete, then retrieve, delete, revise, update the deleted record',
		run: async (t) => {
			const created = await t.create('Contacts', contact(t, 'victim'), 'victim');
			const id = t.id('victim');
			return {
				created,
				delete: await t.post({ operation: 'delete', id }),
				retrieve: await t.get({ operation: 'retrieve', id }),
				deleteAgain: await t.post({ operation: 'delete', id }),
				revise: await t.post({ operation: 'revise', element: JSON.stringify({ id, phone: '1' }) }),
				update: await t.post({
					operation: 'update',
					element: JSON.stringify({ id, lastname: 'x', assigned_user_id: t.me }),
				}),
			};
		},
		expect: (o: Record<string, Answer>) => {
			eq(ok(o.delete), { status: 'successful' }, 'delete');
			for (const step of ['retrieve', 'deleteAgain', 'revise', 'update'])
				fails(o[step], 'ACCESS_DENIED', 'Permission to perform the operation is denied');
		},
	},
	{
		name: 'a reference to a deleted record reads back null; query skips deleted records',
		run: async (t) => {
			const account = await t.create(
				'Accounts',
				{ accountname: `${t.tag} doomed`, assigned_user_id: t.me },
				'doomed',
			);
			const linked = await t.create(
				'Contacts',
				contact(t, 'orphan', { account_id: t.id('doomed') }),
				'orphan',
			);
			const deleted = await t.post({ operation: 'delete', id: t.id('doomed') });
			return {
				account,
				linked,
				deleted,
				retrieve: await t.get({ operation: 'retrieve', id: t.id('orphan') }),
				query: await t.query(
					`SELECT lastname, account_id FROM Contacts WHERE id = '${t.id('orphan')}';`,
				),
				gone: await t.query(`SELECT id FROM Accounts WHERE accountname = '${t.tag} doomed';`),
			};
		},
		expect: (o: Record<string, Answer>) => {
			eq(ok(o.retrieve).account_id, null, 'retrieve account_id');
			eq(ok(o.query)[0]?.account_id, null, 'query account_id');
			eq(ok(o.gone), [], 'deleted account not found');
		},
	},
	{
		name: 'revise ignores unknown and system fields',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({
					id: t.id('backslash'),
					nosuchfield: 'x',
					createdtime: '2000-01-01 00:00:00',
					contact_no: 'X9',
					source: 'CHANGED',
				}),
			}),
		expect: (a) => {
			const r = ok(a);
			check(
				!('nosuchfield' in r) && r.createdtime !== '2000-01-01 00:00:00' && r.contact_no !== 'X9',
				'ignored',
			);
			eq(r.source, 'WEBSERVICE', 'source cannot change');
		},
	},
	{
		name: 'delete a record that never existed',
		run: (t) => t.post({ operation: 'delete', id: `${t.prefix('Contacts')}x99999999` }),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'delete without id',
		run: (t) => t.post({ operation: 'delete' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	},
	// ---- Calendar and Events (#calendar-and-events) ----
	{
		name: 'create a Calendar task',
		run: (t) =>
			t.create(
				'Calendar',
				{
					subject: `${t.tag} task`,
					assigned_user_id: t.me,
					date_start: '2026-12-01',
					time_start: '10:00:00',
					due_date: '2026-12-02',
					taskstatus: 'Not Started',
					activitytype: 'Task',
				},
				'task',
			),
		expect: (a) => {
			const r = ok(a);
			eq(
				[r.activitytype, r.parent_id, r.contact_id],
				['Task', '', ''],
				'activitytype and empty references',
			);
		},
	},
	{
		name: 'create a Calendar task without activitytype (it becomes an Events record)',
		run: async (t) => {
			const created = await t.create(
				'Calendar',
				{
					subject: `${t.tag} untyped`,
					assigned_user_id: t.me,
					date_start: '2026-12-01',
					time_start: '10:00:00',
					due_date: '2026-12-02',
					taskstatus: 'Not Started',
				},
				'untyped',
			);
			return {
				created,
				calendar: await t.query(`SELECT subject FROM Calendar WHERE subject = '${t.tag} untyped';`),
				events: await t.query(`SELECT subject FROM Events WHERE subject = '${t.tag} untyped';`),
			};
		},
		expect: (o: Record<string, Answer>) => {
			ok(o.created);
			eq(ok(o.calendar).length, 0, 'Calendar rows');
			eq(ok(o.events).length, 1, 'Events rows');
		},
	},
	{
		name: 'create an event with reminder_time in seconds and time_end HH:MM',
		run: (t) =>
			t.create(
				'Events',
				{
					subject: `${t.tag} meeting`,
					assigned_user_id: t.me,
					date_start: '2026-12-01',
					time_start: '10:00:00',
					due_date: '2026-12-01',
					time_end: '11:00',
					duration_hours: '1',
					eventstatus: 'Planned',
					activitytype: 'Meeting',
					reminder_time: '300',
				},
				'event',
			),
		expect: (a) =>
			eq([ok(a).reminder_time, ok(a).time_end], ['5', '11:00'], 'reminder_time, time_end'),
	},
	{
		name: 'revise an event without reminder_time clears it',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('event'), location: 'Room 1' }),
			}),
		expect: (a) => eq(ok(a).reminder_time, '', 'reminder_time'),
	},
	{
		name: 'retrieve an event with the Calendar prefix',
		run: (t) => t.get({ operation: 'retrieve', id: `${t.prefix('Calendar')}x${t.num('event')}` }),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	// ---- Documents and files (#documents-and-files) ----
	{
		name: 'create a Document with an external URL without scheme',
		run: (t) =>
			t.create(
				'Documents',
				{
					notes_title: `${t.tag} spec`,
					filelocationtype: 'E',
					filename: 'files.example.com/spec.pdf',
					assigned_user_id: t.me,
					filestatus: '1',
				},
				'docExternal',
			),
		expect: (a) =>
			eq(
				[ok(a).filename, ok(a).filestatus, ok(a).filelocationtype],
				['http://files.example.com/spec.pdf', '1', 'E'],
				'filename, filestatus, filelocationtype',
			),
	},
	{
		name: 'create a Document without filestatus',
		run: (t) =>
			t.create('Documents', {
				notes_title: `${t.tag} inactive`,
				filelocationtype: 'E',
				filename: 'https://files.example.com/a.pdf',
				assigned_user_id: t.me,
			}),
		expect: (a, t: Ctx) => {
			eq(ok(a).filestatus, '0', 'filestatus');
			eq(ok(a).folderid, `${t.prefix('DocumentFolders')}x1`, 'default folder');
		},
	},
	{
		name: 'create a Document with an uploaded file',
		run: (t) =>
			t.create(
				'Documents',
				{
					notes_title: `${t.tag} contract`,
					filelocationtype: 'I',
					filename: 'my contract.pdf',
					filestatus: '1',
					assigned_user_id: t.me,
				},
				'doc',
				'admin',
				{
					files: [
						{
							part: 'filename',
							fileName: 'my contract.pdf',
							type: 'application/pdf',
							data: CONTRACT,
						},
					],
				},
			),
		expect: (a) => {
			const r = ok(a);
			eq(
				[r.filename, r.filesize, r.filetype, r.filelocationtype],
				['my_contract.pdf', String(CONTRACT.length), 'application/pdf', 'I'],
				'file fields',
			);
			matches(r.imageattachmentids, /^\d+x\d+$/, 'imageattachmentids');
			eq(
				Object.keys(r).indexOf('imageattachmentids'),
				Object.keys(r).indexOf('id') + 1,
				'imageattachmentids after id',
			);
		},
	},
	{
		name: 'retrieve a Document with a file',
		run: (t) => t.get({ operation: 'retrieve', id: t.id('doc') }),
		expect: (a) => matches(ok(a).imageattachmentids, /^\d+x\d+$/, 'imageattachmentids'),
	},
	{
		name: 'files_retrieve',
		run: async (t) => {
			const doc = ok(await t.get({ operation: 'retrieve', id: t.id('doc') }));
			return t.get({ operation: 'files_retrieve', id: String(doc.imageattachmentids) });
		},
		expect: (a) => fatal(a),
	},
	{
		name: 'files_retrieve without a session',
		run: (t) => t.get({ operation: 'files_retrieve', id: '1x1' }, 'none'),
		expect: (a) => fails(a, 'AUTHENTICATION_REQUIRED', 'Authencation required'),
	},
	// ---- Products, inventory (#product-taxes-and-prices, #inventory) ----
	{
		name: 'create a Product without currency_id',
		run: (t) =>
			t.create(
				'Products',
				{
					productname: `${t.tag} widget`,
					unit_price: '100',
					qtyinstock: '50',
					discontinued: '1',
					assigned_user_id: t.me,
				},
				'product',
			),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq(
				[r.unit_price, r.qtyinstock, r.discontinued, r.vendor_id],
				['100.00000000', '50.000', '1', null],
				'values',
			);
			eq(r.currency_id, `${t.prefix('Currency')}x1`, 'currency_id');
			const keys = Object.keys(r);
			check(keys.indexOf('currency_id') > keys.indexOf('label'), 'pseudo-fields after label');
		},
	},
	{
		name: 'create a Product with currency_id',
		run: (t) =>
			t.create('Products', {
				productname: `${t.tag} gadget`,
				unit_price: '100',
				assigned_user_id: t.me,
				currency_id: `${t.prefix('Currency')}x1`,
			}),
		expect: (a) => eq(ok(a).currency1, 100, 'currency1 (a JSON number)'),
	},
	{
		name: 'create a Product with an unknown currency',
		run: (t) =>
			t.create('Products', {
				productname: `${t.tag} bad currency`,
				unit_price: '1',
				assigned_user_id: t.me,
				currency_id: `${t.prefix('Currency')}x999`,
			}),
		expect: (a) => fails(a, 'CURRENCY_INACTIVE', 'Provided Curreny is Inactive'),
	},
	{
		name: 'retrieve a Product',
		run: (t) => t.get({ operation: 'retrieve', id: t.id('product') }),
		expect: (a) => ok(a),
	},
	{
		name: 'query a Product (no pseudo-fields)',
		run: (t) => t.query(`SELECT * FROM Products WHERE productname = '${t.tag} widget';`),
		expect: (a) => {
			const rows = ok(a);
			eq(rows.length, 1, 'rows');
			check(!('currency1' in rows[0]) && !('label' in rows[0]), 'no currency1, no label');
		},
	},
	{
		name: 'create a Quote (always fails on 8.3.0)',
		run: (t) =>
			t.create('Quotes', {
				subject: `${t.tag} quote`,
				quotestage: 'Created',
				account_id: t.id('account'),
				assigned_user_id: t.me,
				bill_street: '1 High St',
				ship_street: '1 High St',
				productid: t.id('product'),
				LineItems: [{ productid: t.id('product'), quantity: '1', listprice: '10' }],
			}),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	{
		name: 'create a Quote without LineItems',
		run: (t) =>
			t.create('Quotes', {
				subject: `${t.tag} quote`,
				quotestage: 'Created',
				account_id: t.id('account'),
				assigned_user_id: t.me,
				bill_street: '1 High St',
				ship_street: '1 High St',
				productid: t.id('product'),
			}),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING', 'Mandatory Fields Missing..'),
	},
	{
		name: 'create a Quote without a mandatory header field',
		run: (t) =>
			t.create('Quotes', {
				subject: `${t.tag} quote`,
				assigned_user_id: t.me,
				LineItems: [{ productid: t.id('product'), quantity: '1' }],
			}),
		expect: (a) => fails(a, 'MANDATORY_FIELDS_MISSING'),
	},
	{
		name: 'retrieve_inventory',
		run: (t) => t.get({ operation: 'retrieve_inventory', id: t.id('account') }),
		expect: (a) => fatal(a),
	},
	{
		name: 'query LineItem of a record without lines',
		run: (t) => t.query(`SELECT * FROM LineItem WHERE parent_id = '${t.id('account')}';`),
		expect: (a) => eq(ok(a), [], 'rows'),
	},
	// ---- other modules (#module-notes) ----
	{
		name: 'create a comment (ModComments)',
		run: (t) =>
			t.create(
				'ModComments',
				{
					commentcontent: `${t.tag} Hello & <b>bye</b>`,
					related_to: t.id('contact'),
					assigned_user_id: t.me,
				},
				'comment',
			),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq([r.related_to, r.creator], [t.id('contact'), t.me], 'related_to, creator');
		},
	},
	{
		name: 'query comments of a record',
		run: (t) =>
			t.query(
				`SELECT * FROM ModComments WHERE related_to = '${t.id('contact')}' ORDER BY id DESC LIMIT 100;`,
			),
		expect: (a) => eq(ok(a).length, 1, 'rows'),
	},
	{
		name: 'create a HelpDesk ticket',
		run: (t) =>
			t.create(
				'HelpDesk',
				{
					ticket_title: `${t.tag} ticket`,
					ticketstatus: 'Open',
					ticketpriorities: 'Normal',
					assigned_user_id: t.me,
					parent_id: t.id('account'),
					hours: '2.5',
				},
				'ticket',
			),
		expect: (a, t: Ctx) =>
			eq([ok(a).label, ok(a).parent_id], [`${t.tag} ticket`, t.id('account')], 'label, parent_id'),
	},
	{
		name: 'create a Lead',
		run: (t) =>
			t.create(
				'Leads',
				{
					lastname: `${t.tag} lead`,
					firstname: 'Lee',
					company: `${t.tag} Lead Co`,
					assigned_user_id: t.me,
				},
				'lead',
			),
		expect: (a) => ok(a),
	},
	{
		name: 'create a Potential',
		run: (t) =>
			t.create(
				'Potentials',
				{
					potentialname: `${t.tag} deal`,
					closingdate: '2026-12-31',
					sales_stage: 'Prospecting',
					assigned_user_id: t.me,
					related_to: t.id('account'),
					contact_id: t.id('contact'),
					amount: '5000',
					probability: '10',
				},
				'potential',
			),
		expect: (a) =>
			eq([ok(a).amount, ok(a).probability], ['5000.00000000', '10.000'], 'amount, probability'),
	},
	// ---- more writes ----
	{
		name: 'revise booleans, dates and numbers',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({
					id: t.id('backslash'),
					emailoptout: true,
					donotcall: 'yes',
					birthday: '1 Dec 1990',
					support_start_date: '2026/1/5',
				}),
			}),
		expect: (a) =>
			eq(
				[ok(a).emailoptout, ok(a).donotcall, ok(a).birthday, ok(a).support_start_date],
				['1', '0', '1990-12-01', '2026-01-05'],
				'values',
			),
	},
	{
		name: 'revise a task: the durations are computed again',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({
					id: t.id('task'),
					due_date: '2026-12-05',
					time_start: '08:30:00',
				}),
			}),
		expect: (a) =>
			eq(
				[ok(a).duration_hours, ok(a).duration_minutes],
				['111', '30'],
				'duration_hours, duration_minutes (to the day after due_date)',
			),
	},
	{
		name: 'create a task related to an account',
		run: (t) =>
			t.create(
				'Calendar',
				{
					subject: `${t.tag} call back`,
					assigned_user_id: t.me,
					date_start: '2026-12-01',
					time_start: '09:00:00',
					due_date: '2026-12-01',
					taskstatus: 'Completed',
					activitytype: 'Task',
					parent_id: t.id('account'),
					contact_id: t.id('contact'),
				},
				'doneTask',
			),
		expect: (a, t: Ctx) =>
			eq(
				[ok(a).parent_id, ok(a).contact_id],
				[t.id('account'), t.id('contact')],
				'parent_id, contact_id',
			),
	},
	{
		name: 'create an event related to an account with a contact',
		run: (t) =>
			t.create(
				'Events',
				{
					subject: `${t.tag} visit`,
					assigned_user_id: t.me,
					date_start: '2026-12-02',
					time_start: '14:00:00',
					due_date: '2026-12-02',
					time_end: '15:30:00',
					duration_hours: '1',
					duration_minutes: '30',
					eventstatus: 'Planned',
					activitytype: 'Call',
					parent_id: t.id('account'),
					contact_id: t.id('contact'),
				},
				'visit',
			),
		expect: (a) => eq([ok(a).duration_hours, ok(a).duration_minutes], ['1', '30'], 'durations'),
	},
	{
		name: 'update a potential: forecast_amount follows',
		run: (t) =>
			t.post({
				operation: 'update',
				element: JSON.stringify({
					id: t.id('potential'),
					potentialname: `${t.tag} deal`,
					closingdate: '2027-01-31',
					sales_stage: 'Closed Won',
					assigned_user_id: t.me,
					amount: '1234.5',
					probability: '50',
				}),
			}),
		expect: (a) =>
			eq(
				[ok(a).amount, ok(a).probability, ok(a).forecast_amount],
				['1234.50000000', '50.000', '617.25000000'],
				'amount, probability, forecast_amount',
			),
	},
	{
		name: 'revise a HelpDesk ticket',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({
					id: t.id('ticket'),
					ticketstatus: 'Closed',
					solution: 'Rebooted & fixed',
					hours: '1.25',
				}),
			}),
		expect: (a) =>
			eq([ok(a).ticketstatus, ok(a).hours], ['Closed', '1.25000000'], 'ticketstatus, hours'),
	},
	{
		name: 'revise a product price',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('product'), unit_price: '120.5', qtyinstock: '7' }),
			}),
		expect: (a) =>
			eq([ok(a).unit_price, ok(a).qtyinstock], ['120.50000000', '7.000'], 'unit_price, qtyinstock'),
	},
	{
		name: 'reply to a comment',
		run: (t) =>
			t.create('ModComments', {
				commentcontent: `${t.tag} reply`,
				related_to: t.id('contact'),
				assigned_user_id: t.me,
				parent_comments: t.id('comment'),
			}),
		expect: (a, t: Ctx) => eq(ok(a).parent_comments, t.id('comment'), 'parent_comments'),
	},
	{
		name: 'non-admin user retrieved by the admin',
		run: (t) =>
			t.user
				? t.get({ operation: 'retrieve', id: t.user.userId })
				: Promise.resolve(synthetic({ skipped: 'no non-admin user' })),
	},
	// ---- every other entity module with its mandatory fields ----
	minimal('Vendors', 'vendor'),
	minimal('Campaigns', 'campaign'),
	minimal('Faq', 'faq'),
	minimal('PriceBooks', 'pricebook'),
	minimal('Services', 'service'),
	minimal('ServiceContracts', 'servicecontract'),
	minimal('Project', 'project'),
	minimal('ProjectTask', 'projecttask'),
	minimal('ProjectMilestone', 'projectmilestone'),
	minimal('Assets', 'asset'),
	minimal('SMSNotifier', 'sms'),
	minimal('PBXManager', 'pbx'),
	{
		name: 'create an e-mail record (Emails)',
		run: (t) =>
			t.create(
				'Emails',
				{
					subject: `${t.tag} mail`,
					assigned_user_id: t.me,
					date_start: '2026-12-01',
					from_email: 'from@example.com',
					saved_toid: 'zoe@example.com',
					email_flag: 'SAVED',
				},
				'email',
			),
		expect: (a) => ok(a),
	},
	{
		name: 'retrieve an e-mail record',
		run: (t) => t.get({ operation: 'retrieve', id: t.id('email') }),
		expect: (a) => ok(a),
	},
	{
		name: 'create a Product with a tax',
		run: (t) =>
			t.create('Products', {
				productname: `${t.tag} taxed`,
				unit_price: '10',
				assigned_user_id: t.me,
				tax1: '4.5',
			}),
		expect: (a) => eq(ok(a).tax1, '4.500', 'tax1'),
	},
	{
		name: 'create a Document with the file under another part name',
		run: (t) =>
			t.create(
				'Documents',
				{
					notes_title: `${t.tag} other part`,
					filelocationtype: 'I',
					filestatus: '1',
					assigned_user_id: t.me,
				},
				undefined,
				'admin',
				{
					files: [
						{ part: 'file', fileName: 'contract.pdf', type: 'application/pdf', data: CONTRACT },
					],
				},
			),
		expect: (a) => {
			eq(ok(a).filesize, '0', 'filesize');
			matches(ok(a).imageattachmentids, /^\d+x\d+$/, 'imageattachmentids');
		},
	},
	{
		name: 'create a Document without a file part',
		run: (t) =>
			t.create(
				'Documents',
				{
					notes_title: `${t.tag} no file`,
					filelocationtype: 'I',
					filestatus: '1',
					assigned_user_id: t.me,
				},
				undefined,
				'admin',
				{ files: [] },
			),
		expect: (a) => {
			eq(ok(a).filesize, '0', 'filesize');
			check(!('imageattachmentids' in ok(a)), 'no imageattachmentids');
		},
	},
	{
		name: 'revise a Document with a new file',
		run: (t) =>
			t.post(
				{
					operation: 'revise',
					element: JSON.stringify({ id: t.id('doc'), notes_title: `${t.tag} contract` }),
				},
				'admin',
				{
					files: [
						{
							part: 'filename',
							fileName: 'evil.php',
							type: 'text/plain',
							data: Buffer.from('<?php echo 1;'),
						},
					],
				},
			),
		expect: (a) =>
			eq([ok(a).filename, ok(a).filesize], ['evil.phpfile.txt', '13'], 'filename, filesize'),
	},
	{
		name: 'revise a Document without a file keeps it',
		run: (t) =>
			t.post({
				operation: 'revise',
				element: JSON.stringify({ id: t.id('doc'), notecontent: 'kept' }),
			}),
		expect: (a) => eq(ok(a).filename, 'evil.phpfile.txt', 'filename'),
	},
	{
		name: 'retrieve the admin user',
		run: (t) => t.get({ operation: 'retrieve', id: t.me }),
		expect: (a) => {
			const r = ok(a);
			eq(
				[r.user_name, r.is_admin, r.status],
				['admin', 'on', 'Active'],
				'user_name, is_admin, status',
			);
			check(
				!('accesskey' in r) && !('user_password' in r) && !('label' in r),
				'no accesskey, password, label',
			);
		},
	},
	{
		name: 'query the admin user',
		run: (t) =>
			t.query(
				"SELECT id, user_name, first_name, last_name, is_admin, status, roleid FROM Users WHERE user_name = 'admin';",
			),
		expect: (a) => eq(ok(a).length, 1, 'rows'),
	},
	{
		name: 'create a user (fails)',
		run: (t) =>
			t.create('Users', {
				user_name: `${t.tag}user`,
				last_name: 'Conformance',
				roleid: 'H3',
				email1: 'c@example.com',
				user_password: 'Secret-123456',
				confirm_password: 'Secret-123456',
			}),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	{
		name: 'query Groups',
		run: (t) => t.query('SELECT * FROM Groups;'),
		expect: (a) =>
			eq(
				(ok(a) as Array<{ groupname: string }>).map((g) => g.groupname),
				['Team Selling', 'Marketing Group', 'Support Group'],
				'groups',
			),
	},
	{
		name: 'retrieve a group',
		run: (t) => t.get({ operation: 'retrieve', id: `${t.prefix('Groups')}x2` }),
		expect: (a) =>
			eq([ok(a).groupname, ok(a).groupid], ['Team Selling', '2'], 'groupname, groupid'),
	},
	{
		name: 'query Currency',
		run: (t) => t.query('SELECT * FROM Currency;'),
		expect: (a) => eq(ok(a).length, 1, 'rows'),
	},
	{
		name: 'retrieve a currency',
		run: (t) => t.get({ operation: 'retrieve', id: `${t.prefix('Currency')}x1` }),
		expect: (a) => ok(a),
	},
	{
		name: 'query DocumentFolders',
		run: (t) => t.query('SELECT * FROM DocumentFolders;'),
		expect: (a) => eq(ok(a)[0]?.foldername, 'Default', 'foldername'),
	},
	{
		name: 'retrieve a document folder',
		run: (t) => t.get({ operation: 'retrieve', id: `${t.prefix('DocumentFolders')}x1` }),
		expect: (a) => ok(a),
	},
	{
		name: 'query Tax',
		run: (t) => t.query('SELECT * FROM Tax;'),
		expect: (a) => ok(a),
	},
	{
		name: 'retrieve a tax',
		run: (t) => t.get({ operation: 'retrieve', id: `${t.prefix('Tax')}x1` }),
		expect: (a) => eq([ok(a).taxname, ok(a).percentage], ['tax1', '4.500'], 'taxname, percentage'),
	},
	{
		name: 'query ProductTaxes',
		run: (t) => t.query('SELECT * FROM ProductTaxes;'),
	},
	{
		name: 'query CompanyDetails',
		run: (t) => t.query('SELECT * FROM CompanyDetails;'),
	},
];

export { synthetic, contact };
