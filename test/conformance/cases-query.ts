/** Cases of docs/vtiger-webservice.md#vtql, with #count and #silent-empty-results. */
import type { Answer } from './client';
import { check, eq, fails, ok, type Case, type Ctx } from './framework';

const CAP = 105;
const synthetic = (json: unknown): Answer => ({ status: 200, type: 'synthetic', text: '', json });

/** `\` → `\\`, `'` → `''`, in single quotes (docs/vtiger-webservice.md#quoting-and-escaping). */
export const vtql = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const capName = (t: Ctx, i: number): string => `${t.tag}cap${String(i).padStart(3, '0')}`;

function q(name: string, text: (t: Ctx) => string, expect?: (a: Answer, t: Ctx) => void): Case {
	return { name: `query: ${name}`, run: (t) => t.query(text(t)), expect };
}

const rows = (a: Answer): Array<Record<string, unknown>> => ok(a);
const count = (n: number) => (a: Answer) => eq(rows(a).length, n, 'rows');
const empty = count(0);
const syntaxError = (message?: string | RegExp) => (a: Answer) =>
	fails(a, 'QUERY_SYNTAX_ERROR', message);
const invalidId = (a: Answer) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect');
const internal = (a: Answer) =>
	fails(a, 'INTERNAL_SERVER_ERROR', 'Unknown Error while processing request');
const lastnames = (a: Answer): unknown[] => rows(a).map((r) => r.lastname);

export const queryCases: Case[] = [
	{
		name: `create ${CAP} contacts for the row cap (all of one account)`,
		run: async (t) => {
			const failed: string[] = [];
			for (let i = 1; i <= CAP; i++) {
				const a = await t.create(
					'Contacts',
					{
						lastname: capName(t, i),
						firstname: i % 2 ? 'Odd' : 'Even',
						assigned_user_id: t.me,
						account_id: t.id('percent'),
					},
					i === 50 ? 'cap050' : undefined,
				);
				if (!a.json?.success) failed.push(`${i}: ${a.status} ${a.text.slice(0, 100)}`);
			}
			return synthetic({ created: CAP - failed.length, failed });
		},
		expect: (a: Answer) => eq(a.json, { created: CAP, failed: [] }, 'created'),
	},
	// ---- the 100-row cap and LIMIT (#row-cap-and-paging) ----
	q(
		'100 rows at most without LIMIT',
		(t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%';`,
		count(100),
	),
	q(
		'LIMIT above 100',
		(t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' LIMIT 150;`,
		count(100),
	),
	q(
		'LIMIT 10, 150',
		(t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' LIMIT 10, 150;`,
		count(CAP - 10),
	),
	q(
		'LIMIT 100, 10',
		(t) =>
			`SELECT lastname FROM Contacts WHERE lastname LIKE '${t.tag}cap%' ORDER BY id LIMIT 100, 10;`,
		(a, t) =>
			eq(
				lastnames(a),
				[101, 102, 103, 104, 105].map((i) => capName(t, i)),
				'lastnames',
			),
	),
	q(
		'LIMIT 2',
		(t) => `SELECT lastname FROM Contacts WHERE lastname LIKE '${t.tag}cap%' LIMIT 2;`,
		(a, t) => eq(lastnames(a), [capName(t, 1), capName(t, 2)], 'default order: by id'),
	),
	q('LIMIT 0', (t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' LIMIT 0;`, empty),
	q(
		'negative LIMIT',
		(t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' LIMIT -1;`,
		empty,
	),
	q(
		'quoted LIMIT',
		(t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' LIMIT '5';`,
		empty,
	),
	q(
		'ORDER BY id DESC LIMIT 3',
		(t) =>
			`SELECT lastname FROM Contacts WHERE lastname LIKE '${t.tag}cap%' ORDER BY id DESC LIMIT 3;`,
		(a, t) =>
			eq(
				lastnames(a),
				[105, 104, 103].map((i) => capName(t, i)),
				'lastnames',
			),
	),
	q(
		'keyset paging on id',
		(t) =>
			`SELECT lastname FROM Contacts WHERE lastname LIKE '${t.tag}cap%' AND id > '${t.id('cap050')}' ORDER BY id LIMIT 3;`,
		(a, t) =>
			eq(
				lastnames(a),
				[51, 52, 53].map((i) => capName(t, i)),
				'lastnames',
			),
	),
	q(
		'ORDER BY two columns, DESC on the last',
		(t) =>
			`SELECT firstname, lastname FROM Contacts WHERE lastname LIKE '${t.tag}cap00%' ORDER BY firstname, lastname DESC;`,
		(a, t) =>
			eq(
				lastnames(a),
				[8, 6, 4, 2, 9, 7, 5, 3, 1].map((i) => capName(t, i)),
				'lastnames',
			),
	),
	q(
		'ORDER BY a ASC, b ASC',
		(t) =>
			`SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' ORDER BY firstname ASC, lastname ASC;`,
		syntaxError(),
	),
	q(
		'ORDER BY an unknown field',
		(t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' ORDER BY nosuchfield;`,
		empty,
	),
	// ---- shape (#query-answers) ----
	q(
		'selected fields come first, id last',
		(t) => `SELECT lastname, firstname, email FROM Contacts WHERE id = '${t.id('contact')}';`,
		(a) => eq(Object.keys(rows(a)[0] ?? {}), ['lastname', 'firstname', 'email', 'id'], 'keys'),
	),
	q(
		'a field selected twice',
		(t) => `SELECT lastname, lastname FROM Contacts WHERE id = '${t.id('contact')}';`,
		(a) => eq(Object.keys(rows(a)[0] ?? {}), ['lastname', 'id'], 'keys'),
	),
	q(
		'SELECT * (null for NULL columns, no label)',
		(t) => `SELECT * FROM Contacts WHERE id = '${t.id('contact')}';`,
		(a) => {
			const r = rows(a)[0] ?? {};
			check(!('label' in r), 'no label');
			eq(r.support_start_date, null, 'unset date');
		},
	),
	q(
		'id of a record selected by another prefix',
		(t) =>
			`SELECT lastname FROM Contacts WHERE id = '${t.prefix('Accounts')}x${t.num('contact')}';`,
		count(1),
	),
	q(
		'unquoted ws id',
		(t) => `SELECT lastname FROM Contacts WHERE id = ${t.id('contact')};`,
		count(1),
	),
	q(
		'id as a bare number',
		(t) => `SELECT lastname FROM Contacts WHERE id = ${t.num('contact')};`,
		empty,
	),
	q(
		'id as a quoted bare number',
		(t) => `SELECT lastname FROM Contacts WHERE id = '${t.num('contact')}';`,
		empty,
	),
	q(
		'id IN',
		(t) =>
			`SELECT lastname FROM Contacts WHERE id IN ('${t.id('contact')}', '${t.id('backslash')}');`,
		count(2),
	),
	// ---- grammar and lexical rules (#vtql-grammar, #quoting-and-escaping, #query-errors) ----
	q(
		'without ;',
		(t) => `SELECT id FROM Contacts WHERE lastname = '${t.tag}cap001'`,
		syntaxError(
			/^Syntax Error on line 1: token .* Unexpected End of Input\(0\), expected one of: /,
		),
	),
	q(
		'text after ;',
		(t) => `SELECT id FROM Contacts WHERE lastname = '${t.tag}cap001'; SELECT 1;`,
		syntaxError(),
	),
	q('count(*)', (t) => `SELECT count(*) FROM Contacts WHERE lastname LIKE '${t.tag}cap%';`, empty),
	q('count(*) without WHERE', () => 'SELECT count(*) FROM Contacts;', empty),
	q(
		'count(*) with another column (accepted, a count)',
		() => 'SELECT count(*), lastname FROM Contacts;',
		empty,
	),
	q('* with another column', () => 'SELECT *, lastname FROM Contacts;', syntaxError()),
	q(
		'doubled quote and doubled backslash',
		(t) => `SELECT lastname FROM Contacts WHERE lastname = ${vtql(`${t.tag} O'Brien \\ Co`)};`,
		(a, t) => eq(lastnames(a), [`${t.tag} O'Brien \\ Co`], 'lastnames'),
	),
	q(
		'backslash-escaped quote',
		(t) => `SELECT lastname FROM Contacts WHERE lastname = '${t.tag} O\\'Brien \\\\ Co';`,
		syntaxError(/token 'Brien' Unexpected COLUMNNAME/),
	),
	q(
		'unescaped quote',
		(t) => `SELECT lastname FROM Contacts WHERE lastname = '${t.tag} O'Brien';`,
		syntaxError(/token 'Brien' Unexpected COLUMNNAME/),
	),
	q(
		'lone backslash',
		(t) => `SELECT lastname FROM Contacts WHERE lastname = '${t.tag} O''Brien \\ Co';`,
		empty,
	),
	q(
		'value ending in a backslash',
		(t) => `SELECT lastname FROM Contacts WHERE lastname = '${t.tag}\\';`,
		empty,
	),
	q(
		'quote, HTML and accents',
		(t) =>
			`SELECT lastname FROM Contacts WHERE lastname = ${vtql(`${t.tag} O'Brien & <b>"Co"</b>`)};`,
		count(1),
	),
	q('empty string literal', () => "SELECT id FROM Contacts WHERE firstname = '';", internal),
	q('double-quoted string', () => 'SELECT id FROM Contacts WHERE firstname = "Odd";', internal),
	q('unquoted decimal', () => 'SELECT id FROM Accounts WHERE annual_revenue > 10.5;', internal),
	q(
		'quoted decimal',
		(t) =>
			`SELECT accountname FROM Accounts WHERE annual_revenue > '10.5' AND accountname LIKE '${t.tag}%';`,
		(a, t) =>
			check(
				rows(a).some((r) => r.accountname === `${t.tag} Acme & Co`) &&
					!rows(a).some((r) => r.accountname === `${t.tag} 50% Off_Outlet`),
				'Acme in, 50% Off out',
			),
	),
	q('<>', (t) => `SELECT id FROM Contacts WHERE lastname <> '${t.tag}cap001';`, syntaxError()),
	q(
		'parentheses',
		(t) =>
			`SELECT id FROM Contacts WHERE (lastname = '${t.tag}cap001' OR lastname = '${t.tag}cap002');`,
		syntaxError(/token '\(' Unexpected PARENOPEN\(\(\), expected one of: COLUMNNAME/),
	),
	q(
		'NOT LIKE',
		(t) => `SELECT id FROM Contacts WHERE lastname NOT LIKE '${t.tag}%';`,
		syntaxError(),
	),
	q('IS NULL', () => 'SELECT id FROM Contacts WHERE birthday IS NULL;', syntaxError()),
	q(
		'BETWEEN',
		() => "SELECT id FROM Contacts WHERE birthday BETWEEN '1990-01-01' AND '1991-01-01';",
		syntaxError(),
	),
	q('IN ()', () => 'SELECT id FROM Contacts WHERE lastname IN ();', syntaxError()),
	q(
		'GROUP BY',
		() => 'SELECT id FROM Contacts GROUP BY lastname;',
		syntaxError('There is an syntax error in query'),
	),
	q(
		'ORDER without BY',
		() => 'SELECT id FROM Contacts ORDER lastname;',
		syntaxError('There is an syntax error in query'),
	),
	q(
		'tabs, newlines and lower-case keywords',
		(t) => `select lastname\nfrom Contacts\twhere  lastname = '${t.tag}cap001'\r\nlimit 1 ;`,
		count(1),
	),
	q(
		'IN list',
		(t) =>
			`SELECT lastname FROM Contacts WHERE lastname IN ('${t.tag}cap001', '${t.tag}cap003', 'nobody') ORDER BY lastname;`,
		(a, t) => eq(lastnames(a), [capName(t, 1), capName(t, 3)], 'lastnames'),
	),
	q(
		'LIKE with %',
		(t) => `SELECT lastname FROM Contacts WHERE lastname LIKE ${vtql(`%${t.tag} O'Brien%`)};`,
		count(2),
	),
	q(
		'LIKE with _',
		(t) => `SELECT lastname FROM Contacts WHERE lastname LIKE '${t.tag}cap00_';`,
		count(9),
	),
	q(
		'LIKE with an escaped %',
		(t) => `SELECT accountname FROM Accounts WHERE accountname LIKE '${t.tag} 50\\\\% Off%';`,
		count(1),
	),
	q(
		'LIKE with an escaped % that does not match',
		(t) => `SELECT accountname FROM Accounts WHERE accountname LIKE '${t.tag} 5\\\\% Off%';`,
		empty,
	),
	q(
		'= is case-insensitive',
		(t) => `SELECT lastname FROM Contacts WHERE lastname = '${capName(t, 1).toUpperCase()}';`,
		count(1),
	),
	q(
		'non-ASCII value',
		(t) =>
			`SELECT firstname FROM Contacts WHERE firstname = 'Zoë 東京' AND lastname LIKE '${t.tag}%';`,
		count(1),
	),
	q(
		'non-ASCII LIKE',
		(t) =>
			`SELECT firstname FROM Contacts WHERE firstname LIKE '%東京%' AND lastname LIKE '${t.tag}%';`,
		count(1),
	),
	q(
		'accent-insensitive =',
		(t) =>
			`SELECT firstname FROM Contacts WHERE firstname = 'Zoe 東京' AND lastname LIKE '${t.tag}%';`,
	),
	q(
		';, ( and ) inside a quoted value',
		(t) => `SELECT id FROM Contacts WHERE lastname = '${t.tag} a;b(c)';`,
		empty,
	),
	q(
		'AND binds tighter than OR',
		(t) =>
			`SELECT lastname FROM Contacts WHERE lastname = '${t.tag}cap001' OR lastname = '${t.tag}cap002' AND firstname = 'nobody';`,
		(a, t) => eq(lastnames(a), [capName(t, 1)], 'lastnames'),
	),
	q(
		'!= skips NULL columns',
		(t) =>
			`SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap%' AND birthday != '2000-01-01';`,
		empty,
	),
	q(
		'!= on a set column',
		(t) => `SELECT id FROM Contacts WHERE lastname LIKE '${t.tag}cap00%' AND firstname != 'Odd';`,
		count(4),
	),
	q(
		'date comparison',
		(t) =>
			`SELECT lastname FROM Contacts WHERE birthday = '1990-04-21' AND lastname LIKE '${t.tag}%';`,
		count(1),
	),
	q(
		'datetime comparison',
		(t) =>
			`SELECT lastname FROM Contacts WHERE modifiedtime > '2000-01-01 00:00:00' AND lastname LIKE '${t.tag}cap%' LIMIT 2;`,
		count(2),
	),
	q(
		'unquoted word value',
		(t) => `SELECT id FROM Contacts WHERE lastname = ${t.tag}cap001;`,
		empty,
	),
	q(
		'a column compared with itself',
		(t) => `SELECT id FROM Contacts WHERE lastname = lastname AND lastname LIKE '${t.tag}cap00%';`,
		count(9),
	),
	q(
		'reference with a ws id',
		(t) => `SELECT lastname FROM Contacts WHERE account_id = '${t.id('account')}';`,
		count(1),
	),
	q(
		'reference with a bare number',
		() => "SELECT lastname FROM Contacts WHERE account_id = '5';",
		(a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	),
	q(
		'owner with a ws id',
		(t) =>
			`SELECT id FROM Contacts WHERE assigned_user_id = '${t.me}' AND lastname LIKE '${t.tag}cap%' LIMIT 3;`,
		count(3),
	),
	q(
		'owner with a Users prefix on a group id',
		(t) =>
			`SELECT lastname FROM Contacts WHERE assigned_user_id = '${t.prefix('Users')}x2' AND lastname LIKE '${t.tag}%';`,
		count(1),
	),
	q(
		'owner as a word',
		() => "SELECT id FROM Contacts WHERE assigned_user_id = 'admin';",
		(a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	),
	q(
		'owner as a bare number',
		(t) => `SELECT id FROM Contacts WHERE assigned_user_id = '1' AND lastname LIKE '${t.tag}%';`,
		empty,
	),
	q('id as a word', () => "SELECT id FROM Contacts WHERE id = 'abc';", invalidId),
	q(
		'id IN with a word',
		(t) => `SELECT id FROM Contacts WHERE id IN ('${t.id('contact')}', 'abc');`,
		invalidId,
	),
	q(
		'id with LIKE',
		(t) => `SELECT lastname FROM Contacts WHERE id LIKE '%x${t.num('contact')}';`,
		invalidId,
	),
	q(
		'id compared with >= and <=',
		(t) =>
			`SELECT lastname FROM Contacts WHERE id >= '${t.id('cap050')}' AND id <= '${t.id('cap050')}';`,
		count(1),
	),
	q(
		'reference IN',
		(t) =>
			`SELECT lastname FROM Contacts WHERE account_id IN ('${t.id('account')}', '${t.id('accountSpaces')}');`,
		count(1),
	),
	q(
		'reference LIKE',
		(t) =>
			`SELECT lastname FROM Contacts WHERE account_id LIKE '%x%' AND lastname LIKE '${t.tag}%';`,
		invalidId,
	),
	q(
		'owner with a group id',
		(t) =>
			`SELECT lastname FROM Contacts WHERE assigned_user_id = '${t.prefix('Groups')}x2' AND lastname LIKE '${t.tag}%';`,
		count(1),
	),
	q(
		'a number compared as text',
		(t) =>
			`SELECT productname FROM Products WHERE unit_price > '50' AND productname LIKE '${t.tag}%';`,
	),
	q(
		'ORDER BY a date with empty values',
		(t) =>
			`SELECT lastname, birthday FROM Contacts WHERE lastname LIKE '${t.tag} dates%' ORDER BY birthday;`,
	),
	q(
		'ORDER BY a reference',
		(t) => `SELECT lastname FROM Contacts WHERE lastname LIKE '${t.tag} O%' ORDER BY account_id;`,
	),
	q(
		'a user by user_name',
		() => "SELECT user_name, is_admin, status FROM Users WHERE user_name = 'admin';",
		count(1),
	),
	q(
		'a group by name',
		() => "SELECT groupname FROM Groups WHERE groupname = 'Marketing Group';",
		count(1),
	),
	q(
		'a currency by code',
		() => "SELECT currency_name FROM Currency WHERE currency_code = 'USD';",
		count(1),
	),
	q(
		'LIKE on a boolean',
		(t) => `SELECT lastname FROM Contacts WHERE emailoptout = '1' AND lastname LIKE '${t.tag}%';`,
	),
	q(
		'a boolean compared with a number',
		(t) => `SELECT lastname FROM Contacts WHERE emailoptout = 1 AND lastname LIKE '${t.tag}%';`,
	),
	q('LIMIT without WHERE', () => 'SELECT id FROM Groups LIMIT 2;', count(2)),
	q(
		'ORDER BY without WHERE',
		() => 'SELECT groupname FROM Groups ORDER BY groupname DESC;',
		(a) =>
			eq(
				rows(a).map((r) => r.groupname),
				['Team Selling', 'Support Group', 'Marketing Group'],
				'groupnames',
			),
	),
	q(
		'ORDER BY an unknown field without WHERE',
		() => 'SELECT id FROM Groups ORDER BY nosuch;',
		empty,
	),
	// ---- access errors (#module-rules-in-queries, #query-errors) ----
	q(
		'an unknown field in the select list',
		() => 'SELECT nosuchfield FROM Contacts;',
		(a) => fails(a, 'ACCESS_DENIED', "Permission to access '.nosuchfield.' attribute denied."),
	),
	q(
		'a wrongly-cased field',
		() => 'SELECT LastName FROM Contacts;',
		(a) => fails(a, 'ACCESS_DENIED', "Permission to access '.LastName.' attribute denied."),
	),
	q(
		'an unknown field in WHERE',
		() => "SELECT id FROM Contacts WHERE nosuch = '1';",
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to access nosuch attribute denied.'),
	),
	q(
		'an unknown module',
		() => 'SELECT id FROM NoSuchModule;',
		(a) =>
			fails(
				a,
				'ACCESS_DENIED',
				'Permission to perform the operation is denied for name : NoSuchModule',
			),
	),
	q(
		'a lower-case module',
		() => 'SELECT id FROM leads;',
		(a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for name : leads'),
	),
	q(
		'without FROM',
		() => 'SELECT id;',
		(a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for query'),
	),
	{
		name: 'query: empty query',
		run: (t) => t.get({ operation: 'query', query: '' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for query'),
	},
	{
		name: 'query: without query',
		run: (t) => t.get({ operation: 'query' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for query'),
	},
	// ---- module-specific (#module-rules-in-queries) ----
	q(
		'Calendar returns tasks only',
		(t) => `SELECT subject, activitytype FROM Calendar WHERE subject LIKE '${t.tag}%';`,
		(a, t) =>
			eq(
				rows(a).map((r) => r.subject),
				[`${t.tag} task`, `${t.tag} call back`],
				'subjects',
			),
	),
	q(
		'Events returns the other activities and the e-mails',
		(t) => `SELECT subject FROM Events WHERE subject LIKE '${t.tag}%' ORDER BY subject;`,
		(a, t) =>
			eq(
				rows(a).map((r) => r.subject),
				[`${t.tag} mail`, `${t.tag} meeting`, `${t.tag} untyped`, `${t.tag} visit`],
				'subjects (e-mails included)',
			),
	),
	q(
		'inventory header fields',
		(t) => `SELECT subject, hdnGrandTotal FROM Quotes WHERE subject LIKE '${t.tag}%';`,
		empty,
	),
	q(
		'Documents with a file',
		(t) =>
			`SELECT notes_title, filename, filesize FROM Documents WHERE notes_title = '${t.tag} contract';`,
		count(1),
	),
];
