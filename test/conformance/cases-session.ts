/** Cases of docs/vtiger-webservice.md: #transport, #authentication (sessions too) and #metadata (listtypes, describe). */
import * as fs from 'fs';
import * as path from 'path';
import { md5, type Answer } from './client';
import { check, eq, fails, fatal, hasKeys, matches, ok, type Case, type Ctx } from './framework';

const LOGIN_KEYS = [
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
];

/** The module list of a stock 8.3.0 install (the emulator's copy of the real listtypes answer). */
export const STOCK_TYPES: string[] = (
	JSON.parse(
		fs.readFileSync(path.join(__dirname, '..', 'emulator', 'metadata', 'listtypes.json'), 'utf8'),
	) as {
		result: { types: string[] };
	}
).result.types;

const ADMIN_ONLY_ACTORS = [
	'Groups',
	'Currency',
	'DocumentFolders',
	'CompanyDetails',
	'LineItem',
	'Tax',
	'ProductTaxes',
];
export const ACTORS = ADMIN_ONLY_ACTORS;

async function challengeToken(t: Ctx, username = t.adminCredentials.username): Promise<string> {
	return String(ok(await t.ws.challenge(username)).token);
}

const loginPost = (t: Ctx, username: string, accessKey: string | undefined): Promise<Answer> =>
	t.ws.post(
		accessKey === undefined
			? { operation: 'login', username }
			: { operation: 'login', username, accessKey },
	);

async function freshSession(t: Ctx): Promise<string> {
	return (await t.ws.login(t.adminCredentials.username, t.adminCredentials.accessKey)).sessionName;
}

export const sessionCases: Case[] = [
	// ---- getchallenge (#getchallenge) ----
	{
		name: 'getchallenge',
		run: (t) => t.ws.challenge(t.adminCredentials.username),
		expect: (a) => {
			const r = ok(a);
			eq(Object.keys(r), ['token', 'serverTime', 'expireTime'], 'keys');
			matches(r.token, /^[0-9a-f]{13}$/, 'token');
			eq(r.expireTime - r.serverTime, 300, 'token lifetime');
		},
	},
	{
		name: 'getchallenge without username',
		run: (t) => t.ws.get({ operation: 'getchallenge' }),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'No username given'),
	},
	{
		name: 'getchallenge of an unknown user',
		run: (t) => t.ws.challenge(`nosuchuser${t.tag}`),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'username does not exists'),
	},
	{
		name: 'getchallenge with the username in a POST body',
		run: (t) => t.ws.post({ operation: 'getchallenge', username: t.adminCredentials.username }),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'No username given'),
	},
	{
		name: 'getchallenge with an upper-case username',
		run: (t) => t.ws.challenge(t.adminCredentials.username.toUpperCase()),
		expect: (a) => ok(a),
	},
	{
		name: 'getchallenge with a stale sessionName',
		run: (t) =>
			t.ws.get({
				operation: 'getchallenge',
				username: t.adminCredentials.username,
				sessionName: '0123456789abcdef01234',
			}),
		expect: (a) => fails(a, 'INVALID_SESSIONID', 'Session Identifier provided is Invalid'),
	},
	// ---- login (#login, #login-race) ----
	{
		name: 'login',
		run: async (t) =>
			loginPost(
				t,
				t.adminCredentials.username,
				md5((await challengeToken(t)) + t.adminCredentials.accessKey),
			),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq(Object.keys(r), LOGIN_KEYS, 'login keys in order');
			matches(r.sessionName, /^[0-9a-f]{14,21}$/, 'sessionName (uniqid(dechex(rand())))');
			eq(
				[r.userId, r.is_admin, r.version, r.vtigerVersion],
				[t.me, 'on', '0.22', '8.3.0'],
				'userId, is_admin, version, vtigerVersion',
			);
			check(
				Object.values(r).every((v) => typeof v === 'string'),
				'every login value is a string',
			);
		},
	},
	{
		name: 'login with an upper-case username',
		run: async (t) => {
			const u = t.adminCredentials.username.toUpperCase();
			return loginPost(t, u, md5((await challengeToken(t, u)) + t.adminCredentials.accessKey));
		},
		expect: (a) => ok(a),
	},
	{
		name: 'login with a wrong access key',
		run: async (t) =>
			loginPost(
				t,
				t.adminCredentials.username,
				md5((await challengeToken(t)) + 'WrongKey00000000'),
			),
		expect: (a) => fails(a, 'INVALID_USER_CREDENTIALS', 'Invalid username or password'),
	},
	{
		name: 'login with upper-case hex',
		run: async (t) =>
			loginPost(
				t,
				t.adminCredentials.username,
				md5((await challengeToken(t)) + t.adminCredentials.accessKey).toUpperCase(),
			),
		expect: (a) => fails(a, 'INVALID_USER_CREDENTIALS', 'Invalid username or password'),
	},
	{
		name: 'login without accessKey',
		run: async (t) => {
			await challengeToken(t);
			return loginPost(t, t.adminCredentials.username, undefined);
		},
		expect: (a) => fails(a, 'INVALID_USER_CREDENTIALS', 'Invalid username or password'),
	},
	{
		name: 'login sent as GET',
		run: async (t) =>
			t.ws.get({
				operation: 'login',
				username: t.adminCredentials.username,
				accessKey: md5((await challengeToken(t)) + t.adminCredentials.accessKey),
			}),
		expect: (a) => fails(a, 'INVALID_AUTH_TOKEN', 'Specified token is invalid or expired'),
	},
	{
		name: 'login of an unknown user',
		run: (t) => loginPost(t, `nosuchuser${t.tag}`, md5('x')),
		expect: (a) => fails(a, 'INVALID_AUTH_TOKEN', 'Specified token is invalid or expired'),
	},
	{
		name: 'login with a token replaced by a second getchallenge',
		run: async (t) => {
			const first = await challengeToken(t);
			await challengeToken(t);
			return loginPost(t, t.adminCredentials.username, md5(first + t.adminCredentials.accessKey));
		},
		expect: (a) => fails(a, 'INVALID_USER_CREDENTIALS', 'Invalid username or password'),
	},
	{
		name: 'login twice with one token',
		run: async (t) => {
			const key = md5((await challengeToken(t)) + t.adminCredentials.accessKey);
			return {
				first: await loginPost(t, t.adminCredentials.username, key),
				second: await loginPost(t, t.adminCredentials.username, key),
			};
		},
		expect: (o: { first: Answer; second: Answer }) =>
			check(ok(o.first).sessionName !== ok(o.second).sessionName, 'two sessions'),
	},
	{
		name: 'login with a live sessionName re-authenticates in that session',
		run: async (t) => {
			const session = await freshSession(t);
			const key = md5((await challengeToken(t)) + t.adminCredentials.accessKey);
			const a = await t.ws.post({
				operation: 'login',
				username: t.adminCredentials.username,
				accessKey: key,
				sessionName: session,
			});
			t.extraNames.set(session, 'liveSession');
			return a;
		},
		expect: (a) => ok(a),
	},
	// ---- using a session (#using-a-session) ----
	{
		name: 'no sessionName',
		run: (t) => t.get({ operation: 'listtypes' }, 'none'),
		expect: (a) => fails(a, 'AUTHENTICATION_REQUIRED', 'Authencation required'),
	},
	{
		name: 'sessionName "null"',
		run: (t) => t.ws.get({ operation: 'listtypes', sessionName: 'null' }),
		expect: (a) => fails(a, 'AUTHENTICATION_REQUIRED', 'Authencation required'),
	},
	{
		name: 'unknown sessionName',
		run: (t) => t.ws.get({ operation: 'listtypes', sessionName: 'abc' }),
		expect: (a) => fails(a, 'INVALID_SESSIONID', 'Session Identifier provided is Invalid'),
	},
	{
		name: 'sessionName in the POST body of a GET-type operation',
		run: (t) =>
			t.ws.post({ sessionName: t.admin.sessionName }, { query: { operation: 'listtypes' } }),
		expect: (a) => ok(a),
	},
	// ---- extendsession (#extendsession) ----
	{
		name: 'extendsession with a live session',
		run: (t) => t.post({ operation: 'extendsession' }),
		expect: (a, t: Ctx) => {
			const r = ok(a);
			eq(Object.keys(r), ['sessionName', 'userId', 'version', 'vtigerVersion'], 'keys');
			eq(r.sessionName, t.admin.sessionName, 'the same sessionName');
		},
	},
	{
		name: 'extendsession as GET',
		run: (t) => t.get({ operation: 'extendsession' }),
		expect: (a) => fails(a, 'AUTHENTICATION_REQUIRED', 'Authencation required'),
	},
	{
		name: 'extendsession without a session',
		run: (t) => t.post({ operation: 'extendsession' }, 'none'),
		expect: (a) => fails(a, 'AUTHENTICATION_FAILURE', 'Authencation Failed'),
	},
	{
		name: 'extendsession with an unknown session (it becomes a session without a user)',
		run: async (t) => {
			const sessionName = `e${t.tag}`;
			t.extraNames.set(sessionName, 'adoptedSession');
			return {
				extend: await t.ws.post({ operation: 'extendsession', sessionName }),
				again: await t.ws.post({ operation: 'extendsession', sessionName }),
				listtypes: await t.ws.get({ operation: 'listtypes', sessionName }),
				getchallenge: await t.ws.get({
					operation: 'getchallenge',
					username: t.adminCredentials.username,
					sessionName,
				}),
			};
		},
		expect: (o: Record<string, Answer>) => {
			fails(o.extend, 'AUTHENTICATION_FAILURE', 'Authencation Failed');
			fails(o.again, 'AUTHENTICATION_FAILURE', 'Authencation Failed');
			fatal(o.listtypes);
			ok(o.getchallenge);
		},
	},
	// ---- logout (#logout) ----
	{
		name: 'logout (HTTP 500 on PHP 8; the session stays valid)',
		run: async (t) => {
			const session = await freshSession(t);
			t.extraNames.set(session, 'logoutSession');
			const logout = await t.ws.post({ operation: 'logout', sessionName: session });
			const after = await t.ws.get({ operation: 'listtypes', sessionName: session });
			return { logout, after };
		},
		expect: (o: { logout: Answer; after: Answer }) => {
			fatal(o.logout);
			ok(o.after);
		},
	},
	{
		name: 'logout as GET',
		run: async (t) => t.ws.get({ operation: 'logout', sessionName: await freshSession(t) }),
		expect: (a) => fatal(a),
	},
	{
		name: 'logout without a session',
		run: (t) => t.post({ operation: 'logout' }, 'none'),
		expect: (a) => fails(a, 'AUTHENTICATION_REQUIRED', 'Authencation required'),
	},
	{
		name: 'logout with an unknown session',
		run: (t) => t.ws.post({ operation: 'logout', sessionName: '0123456789abcdef0badlo' }),
		expect: (a) => fails(a, 'INVALID_SESSIONID', 'Session Identifier provided is Invalid'),
	},
	// ---- transport (#parameter-locations, #non-json-answers, #restricted-file-page) ----
	{
		name: 'operation name in mixed case',
		run: (t) => t.get({ operation: 'ListTypes' }),
		expect: (a) => ok(a),
	},
	{
		name: 'unknown operation',
		run: (t) => t.get({ operation: 'nosuchoperation' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'no operation',
		run: (t) => t.ws.get({}),
		expect: (a) => fatal(a),
	},
	{
		name: 'JSON request body',
		run: (t) =>
			t.ws.post(
				{},
				{ jsonBody: JSON.stringify({ operation: 'listtypes', sessionName: t.admin.sessionName }) },
			),
		expect: (a) => fatal(a),
	},
	{
		name: 'array parameter id[]',
		run: (t) =>
			t.ws.getRaw(
				`operation=retrieve&sessionName=${t.admin.sessionName}&id[]=${encodeURIComponent(t.me)}`,
			),
		expect: (a) => fatal(a),
	},
	{
		name: 'format=xml on describe',
		run: (t) => t.get({ operation: 'describe', elementType: 'Contacts', format: 'xml' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'format=xml on create (not run)',
		run: (t) =>
			t.post({
				operation: 'create',
				elementType: 'Contacts',
				element: JSON.stringify({ lastname: `${t.tag} format`, assigned_user_id: t.me }),
				format: 'xml',
			}),
		expect: (a) => fatal(a),
	},
	{
		name: 'format=xml on create saved nothing',
		run: (t) => t.query(`SELECT id FROM Contacts WHERE lastname = '${t.tag} format';`),
		expect: (a) => eq(ok(a), [], 'rows'),
	},
	{
		name: 'changePassword',
		run: (t) =>
			t.post({
				operation: 'changePassword',
				id: t.me,
				oldPassword: 'a',
				newPassword: 'b',
				confirmPassword: 'b',
			}),
		expect: (a: Answer) => {
			eq([a.status, a.text], [200, 'Sorry! Attempt to access restricted file.'], 'status and body');
			matches(a.type, /^text\/html/, 'Content-Type');
		},
	},
	{
		name: 'deleteUser',
		run: (t) =>
			t.post({ operation: 'deleteUser', id: `${t.prefix('Users')}x999`, newOwnerId: t.me }),
		expect: (a: Answer) =>
			eq([a.status, a.text], [200, 'Sorry! Attempt to access restricted file.'], 'status and body'),
	},
	{
		name: 'GET-type parameters in the URL of a POST',
		run: (t) =>
			t.ws.post(
				{ sessionName: t.admin.sessionName },
				{ query: { operation: 'retrieve', id: t.me } },
			),
		expect: (a) => eq(ok(a).user_name, 'admin', 'user_name'),
	},
	{
		name: 'retrieve with its parameters in a POST body',
		run: (t) => t.post({ operation: 'retrieve', id: t.me }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	},
	{
		name: 'describe with its parameters in a POST body',
		run: (t) => t.post({ operation: 'describe', elementType: 'Contacts' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for name : '),
	},
	{
		name: 'query with its parameters in a POST body',
		run: (t) => t.post({ operation: 'query', query: 'SELECT id FROM Contacts LIMIT 1;' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for query'),
	},
	{
		name: 'create sent as GET',
		run: (t) =>
			t.get({
				operation: 'create',
				elementType: 'Contacts',
				element: JSON.stringify({ lastname: `${t.tag} get`, assigned_user_id: t.me }),
			}),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'revise sent as GET',
		run: (t) => t.get({ operation: 'revise', element: JSON.stringify({ id: t.me }) }),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	{
		name: 'delete sent as GET',
		run: (t) => t.get({ operation: 'delete', id: `${t.prefix('Contacts')}x99999999` }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	},
	// ---- listtypes (#listtypes) ----
	{
		name: 'listtypes',
		run: (t) => t.get({ operation: 'listtypes' }),
		expect: (a) => {
			const r = ok(a);
			eq(r.types, STOCK_TYPES, 'types');
			eq(
				r.information.Accounts,
				{ isEntity: true, label: 'Organizations', singular: 'Organization' },
				'information.Accounts',
			);
			eq(
				r.information.Groups,
				{ isEntity: false, label: 'Groups', singular: 'Groups' },
				'information.Groups',
			);
		},
	},
	{
		name: 'listtypes fieldTypeList ["email"]',
		run: (t) => t.get({ operation: 'listtypes', fieldTypeList: '["email"]' }),
		expect: (a) => {
			const types = ok(a).types as string[];
			check(
				['Vendors', 'Leads', 'Accounts', 'Contacts'].every((m) => types.includes(m)),
				`Vendors, Leads, Accounts, Contacts in ${types}`,
			);
			check(!types.includes('Users'), 'no Users');
		},
	},
	{
		name: 'listtypes fieldTypeList ["email","date"]',
		run: (t) => t.get({ operation: 'listtypes', fieldTypeList: '["email","date"]' }),
		expect: (a) => ok(a),
	},
	{
		name: 'listtypes fieldTypeList []',
		run: (t) => t.get({ operation: 'listtypes', fieldTypeList: '[]' }),
		expect: (a) => eq(ok(a).types, STOCK_TYPES, 'types'),
	},
	{
		name: 'listtypes fieldTypeList of an unknown type',
		run: (t) => t.get({ operation: 'listtypes', fieldTypeList: '["nosuchtype"]' }),
		expect: (a) => eq(ok(a), { types: [], information: [] }, 'result'),
	},
	{
		name: 'listtypes fieldTypeList not an array',
		run: (t) => t.get({ operation: 'listtypes', fieldTypeList: '"email"' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'listtypes fieldTypeList invalid JSON',
		run: (t) => t.get({ operation: 'listtypes', fieldTypeList: '[email' }),
		expect: (a) => fails(a, 'INTERNAL_SERVER_ERROR', 'Unknown Error while processing request'),
	},
	// ---- describe (#describe) ----
	...STOCK_TYPES.map(
		(module): Case => ({
			name: `describe ${module}`,
			run: (t) => t.get({ operation: 'describe', elementType: module }),
			expect: (a) => {
				const r = ok(a);
				hasKeys(
					r,
					[
						'label',
						'name',
						'createable',
						'updateable',
						'deleteable',
						'retrieveable',
						'fields',
						'idPrefix',
						'isEntity',
						'labelFields',
					],
					'describe',
				);
				eq(r.name, module, 'name');
				matches(r.idPrefix, /^\d+$/, 'idPrefix');
				check(!('blocks' in r), 'no blocks');
				if (r.isEntity) eq(r.allowDuplicates, false, 'allowDuplicates (always false on 8.3.0)');
				if (module !== 'ProductTaxes')
					check(
						(r.fields as Array<{ name: string }>).some((f) => f.name === 'id'),
						'an id field',
					);
			},
		}),
	),
	{
		name: 'describe an unknown module',
		run: (t) => t.get({ operation: 'describe', elementType: 'NoSuchModule' }),
		expect: (a) =>
			fails(
				a,
				'ACCESS_DENIED',
				'Permission to perform the operation is denied for name : NoSuchModule',
			),
	},
	{
		name: 'describe a lower-case module name',
		run: (t) => t.get({ operation: 'describe', elementType: 'contacts' }),
		expect: (a) =>
			fails(
				a,
				'ACCESS_DENIED',
				'Permission to perform the operation is denied for name : contacts',
			),
	},
	{
		name: 'describe without elementType',
		run: (t) => t.get({ operation: 'describe' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for name : '),
	},
];
