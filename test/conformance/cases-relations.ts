/** Cases of docs/vtiger-webservice.md: #polling-for-changes (sync), #relations, #lead-conversion and #non-admin-users (also ../vtiger/README.md). */
import type { Answer } from './client';
import { check, eq, fails, fatal, ok, type Case, type Ctx } from './framework';
import { ACTORS, STOCK_TYPES } from './cases-session';

const ENTITY_MODULES = STOCK_TYPES.filter((m) => !ACTORS.includes(m));

const related = (t: Ctx, id: string, relatedType: string, relatedLabel: string): Promise<Answer> =>
	t.get({ operation: 'retrieve_related', id, relatedType, relatedLabel });
const queryRelated = (t: Ctx, id: string, relatedLabel: string, query: string): Promise<Answer> =>
	t.get({ operation: 'query_related', id, relatedLabel, query });
const addRelated = (
	t: Ctx,
	sourceRecordId: string,
	relatedRecordId: string,
	relationIdLabel: string,
): Promise<Answer> =>
	t.post({ operation: 'add_related', sourceRecordId, relatedRecordId, relationIdLabel });

const unknownRelation = (a: Answer) => fails(a, 'UNKOWN_ENTITY', 'Relation specified is incorrect');
const deniedForName = (a: Answer) =>
	fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for name : ');
const successfull = (a: Answer) => eq(ok(a), { message: 'successfull' }, 'result');
const ids = (a: Answer): unknown[] => (ok(a) as Array<{ id: unknown }>).map((r) => r.id);

export const relationCases: Case[] = [
	// ---- relatedtypes (#relatedtypes) ----
	...ENTITY_MODULES.map(
		(module): Case => ({
			name: `relatedtypes ${module}`,
			run: (t) => t.get({ operation: 'relatedtypes', elementType: module }),
			expect: (a) => {
				const r = ok(a);
				check(Array.isArray(r.types), 'types is an array');
				for (const info of Object.values(r.information ?? {}) as Array<Record<string, unknown>>)
					eq(typeof info.isEntity, 'string', 'isEntity type');
			},
		}),
	),
	{
		name: 'relatedtypes Accounts lists Calendar twice',
		run: (t) => t.get({ operation: 'relatedtypes', elementType: 'Accounts' }),
		expect: (a) => {
			const r = ok(a);
			eq((r.types as string[]).filter((m) => m === 'Calendar').length, 2, 'Calendar in types');
			eq(
				r.information['Activity History'],
				{ name: 'Calendar', label: 'Activity History', isEntity: '1' },
				'information["Activity History"]',
			);
		},
	},
	{
		name: 'relatedtypes of an actor',
		run: (t) => t.get({ operation: 'relatedtypes', elementType: 'Groups' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'relatedtypes of an unknown module',
		run: (t) => t.get({ operation: 'relatedtypes', elementType: 'NoSuchModule' }),
		expect: (a) =>
			fails(
				a,
				'ACCESS_DENIED',
				'Permission to perform the operation is denied for name : NoSuchModule',
			),
	},
	{
		name: 'relatedtypes without elementType',
		run: (t) => t.get({ operation: 'relatedtypes' }),
		expect: (a) => deniedForName(a),
	},
	// ---- retrieve_related (#retrieve-related) ----
	{
		name: 'retrieve_related: contacts of an account',
		run: (t) => related(t, t.id('account'), 'Contacts', 'Contacts'),
		expect: (a, t: Ctx) => {
			eq(ids(a), [t.id('contact')], 'ids');
			check(!('label' in ok(a)[0]), 'no label');
		},
	},
	{
		name: 'retrieve_related: tickets of an account',
		run: (t) => related(t, t.id('account'), 'HelpDesk', 'HelpDesk'),
		expect: (a, t: Ctx) => eq(ids(a), [t.id('ticket')], 'ids'),
	},
	{
		name: 'retrieve_related: potentials of an account',
		run: (t) => related(t, t.id('account'), 'Potentials', 'Potentials'),
		expect: (a, t: Ctx) => eq(ids(a), [t.id('potential')], 'ids'),
	},
	{
		name: 'retrieve_related: comments of a contact',
		run: (t) => related(t, t.id('contact'), 'ModComments', 'ModComments'),
		expect: (a, t: Ctx) => eq(ids(a)[0], t.id('comment'), 'the first comment'),
	},
	{
		name: 'retrieve_related: contacts of a potential',
		run: (t) => related(t, t.id('potential'), 'Contacts', 'Contacts'),
	},
	{
		name: 'retrieve_related: activities of an account (every task, no events)',
		run: (t) => related(t, t.id('account'), 'Calendar', 'Activities'),
		expect: (a, t: Ctx) => eq(ids(a), [t.id('doneTask')], 'ids'),
	},
	{
		name: 'retrieve_related: activity history of an account',
		run: (t) => related(t, t.id('account'), 'Calendar', 'Activity History'),
		expect: (a, t: Ctx) => eq(ids(a), [t.id('doneTask')], 'ids'),
	},
	{
		name: 'retrieve_related: activities of a contact',
		run: (t) => related(t, t.id('contact'), 'Calendar', 'Activities'),
	},
	{
		name: 'retrieve_related: contacts of an event (Events has no relations)',
		run: (t) => related(t, `${t.prefix('Calendar')}x${t.num('visit')}`, 'Contacts', 'Contacts'),
		expect: unknownRelation,
	},
	{
		name: 'retrieve_related: a potential of a contact',
		run: (t) => related(t, t.id('contact'), 'Potentials', 'Potentials'),
	},
	{
		name: 'retrieve_related: 100 rows at most',
		run: (t) => related(t, t.id('percent'), 'Contacts', 'Contacts'),
		expect: (a) => eq(ok(a).length, 100, 'rows'),
	},
	{
		name: 'query_related: LIMIT 100, 10 after the cap',
		run: (t) =>
			queryRelated(
				t,
				t.id('percent'),
				'Contacts',
				"SELECT lastname FROM Contacts WHERE id > '0x0' ORDER BY id LIMIT 100, 10",
			),
		expect: (a) => eq(ok(a).length, 6, 'rows (106 related)'),
	},
	{
		name: 'query_related: LIMIT 150',
		run: (t) =>
			queryRelated(
				t,
				t.id('percent'),
				'Contacts',
				"SELECT lastname FROM Contacts WHERE id > '0x0' LIMIT 150",
			),
		expect: (a) => eq(ok(a).length, 100, 'rows'),
	},
	{
		name: 'retrieve_related: none related',
		run: (t) => related(t, t.id('accountSpaces'), 'Contacts', 'Contacts'),
		expect: (a) => eq(ok(a), [], 'result'),
	},
	{
		name: 'retrieve_related: a wrong label',
		run: (t) => related(t, t.id('account'), 'Contacts', 'Nope'),
		expect: unknownRelation,
	},
	{
		name: 'retrieve_related: without label',
		run: (t) =>
			t.get({ operation: 'retrieve_related', id: t.id('account'), relatedType: 'Contacts' }),
		expect: unknownRelation,
	},
	{
		name: 'retrieve_related: the label of another module',
		run: (t) => related(t, t.id('account'), 'Potentials', 'Contacts'),
		expect: unknownRelation,
	},
	{
		name: 'retrieve_related: a record that does not exist',
		run: (t) => related(t, `${t.prefix('Accounts')}x99999999`, 'Contacts', 'Contacts'),
		expect: deniedForName,
	},
	{
		name: 'retrieve_related: a deleted record',
		run: (t) => related(t, t.id('victim'), 'Potentials', 'Potentials'),
		expect: deniedForName,
	},
	{
		name: 'retrieve_related: without id',
		run: (t) =>
			t.get({ operation: 'retrieve_related', relatedType: 'Contacts', relatedLabel: 'Contacts' }),
		expect: (a) =>
			fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied for id'),
	},
	// ---- query_related (#query-related) ----
	{
		name: 'query_related: contacts of an account',
		run: (t) =>
			queryRelated(
				t,
				t.id('account'),
				'Contacts',
				`SELECT lastname, firstname FROM Contacts WHERE lastname LIKE '${t.tag}%'`,
			),
		expect: (a, t: Ctx) => eq(ids(a), [t.id('contact')], 'ids'),
	},
	{
		name: 'query_related: without WHERE',
		run: (t) => queryRelated(t, t.id('account'), 'Contacts', 'SELECT lastname FROM Contacts'),
		expect: (a, t: Ctx) => eq(ids(a), [t.id('contact')], 'ids'),
	},
	{
		name: 'query_related: WHERE, ORDER BY and LIMIT',
		run: (t) =>
			queryRelated(
				t,
				t.id('account'),
				'Contacts',
				"SELECT lastname FROM Contacts WHERE id > '0x0' ORDER BY lastname LIMIT 0, 5",
			),
		expect: (a, t: Ctx) => eq(ids(a), [t.id('contact')], 'ids'),
	},
	{
		name: 'query_related: ending in ;',
		run: (t) => queryRelated(t, t.id('account'), 'Contacts', 'SELECT lastname FROM Contacts;'),
		expect: unknownRelation,
	},
	{
		name: 'query_related: lower-case where',
		run: (t) =>
			queryRelated(
				t,
				t.id('account'),
				'Contacts',
				`SELECT lastname FROM Contacts where lastname LIKE '${t.tag}%'`,
			),
		expect: (a) =>
			fails(
				a,
				'QUERY_SYNTAX_ERROR',
				"Syntax Error on line 1: token 'WHERE' Unexpected WHERE(WHERE), expected one of: SEMICOLON",
			),
	},
	{
		name: 'query_related: LIMIT without WHERE',
		run: (t) =>
			queryRelated(t, t.id('account'), 'Contacts', 'SELECT lastname FROM Contacts LIMIT 5'),
		expect: (a) =>
			fails(
				a,
				'QUERY_SYNTAX_ERROR',
				"Syntax Error on line 1: token 'WHERE' Unexpected WHERE(WHERE), expected one of: SEMICOLON",
			),
	},
	{
		name: 'query_related: count(*)',
		run: (t) =>
			queryRelated(
				t,
				t.id('account'),
				'Contacts',
				"SELECT count(*) FROM Contacts WHERE id > '0x0'",
			),
		expect: (a) => eq(ok(a), [], 'result'),
	},
	{
		name: 'query_related: none related',
		run: (t) => queryRelated(t, t.id('accountSpaces'), 'Contacts', 'SELECT lastname FROM Contacts'),
		expect: (a) => eq(ok(a), [], 'result'),
	},
	{
		name: 'query_related: a syntax error and no related records',
		run: (t) =>
			queryRelated(t, t.id('accountSpaces'), 'Contacts', 'SELECT lastname FROM Contacts LIMIT 5'),
		expect: (a) => eq(ok(a), [], 'result'),
	},
	{
		name: 'query_related: WHERE and a trailing ;',
		run: (t) =>
			queryRelated(
				t,
				t.id('account'),
				'Contacts',
				"SELECT lastname FROM Contacts WHERE id > '0x0';",
			),
		expect: (a) => fails(a, 'QUERY_SYNTAX_ERROR'),
	},
	{
		name: 'query_related: two WHERE',
		run: (t) =>
			queryRelated(
				t,
				t.id('account'),
				'Contacts',
				"SELECT lastname FROM Contacts WHERE id > '0x0' WHERE lastname = 'x'",
			),
	},
	{
		name: 'query_related: a module not matching the label',
		run: (t) =>
			queryRelated(t, t.id('account'), 'Contacts', 'SELECT potentialname FROM Potentials'),
		expect: unknownRelation,
	},
	{
		name: 'query_related: a deleted record',
		run: (t) =>
			queryRelated(t, t.id('victim'), 'Potentials', 'SELECT potentialname FROM Potentials'),
		expect: deniedForName,
	},
	// ---- add_related (#add-related) ----
	{
		name: 'add_related: a document to an account',
		run: async (t) => ({
			add: await addRelated(t, t.id('account'), t.id('doc'), 'Documents'),
			related: await related(t, t.id('account'), 'Documents', 'Documents'),
		}),
		expect: (o: Record<string, Answer>, t: Ctx) => {
			successfull(o.add);
			eq(ids(o.related), [t.id('doc')], 'related ids');
		},
	},
	{
		name: 'add_related: with an empty label',
		run: async (t) => ({
			add: await addRelated(t, t.id('account'), t.id('docExternal'), ''),
			related: await related(t, t.id('account'), 'Documents', 'Documents'),
		}),
		expect: (o: Record<string, Answer>, t: Ctx) => {
			successfull(o.add);
			eq(
				ids(o.related),
				[t.id('docExternal'), t.id('doc')].sort(
					(a, b) => Number(a.split('x')[1]) - Number(b.split('x')[1]),
				),
				'related ids',
			);
		},
	},
	{
		name: 'add_related: the same link again',
		run: (t) => addRelated(t, t.id('account'), t.id('doc'), 'Documents'),
		expect: successfull,
	},
	{
		name: 'add_related: a product to a contact',
		run: async (t) => ({
			add: await addRelated(t, t.id('contact'), t.id('product'), 'Products'),
			related: await related(t, t.id('contact'), 'Products', 'Products'),
		}),
		expect: (o: Record<string, Answer>, t: Ctx) => {
			successfull(o.add);
			eq(ids(o.related), [t.id('product')], 'related ids');
		},
	},
	{
		name: 'add_related: with a numeric relation id',
		run: (t) => addRelated(t, t.id('lead'), t.id('doc'), '1'),
		expect: successfull,
	},
	{
		name: 'add_related: an unknown label (nothing linked)',
		run: async (t) => ({
			add: await addRelated(t, t.id('contact'), t.id('doc'), 'Nope'),
			related: await related(t, t.id('contact'), 'Documents', 'Documents'),
		}),
		expect: (o: Record<string, Answer>) => {
			successfull(o.add);
			eq(ok(o.related), [], 'related');
		},
	},
	{
		name: 'add_related: a one-to-many label (nothing linked)',
		run: async (t) => ({
			add: await addRelated(t, t.id('accountSpaces'), t.id('backslash'), 'Contacts'),
			related: await related(t, t.id('accountSpaces'), 'Contacts', 'Contacts'),
		}),
		expect: (o: Record<string, Answer>) => {
			successfull(o.add);
			eq(ok(o.related), [], 'related');
		},
	},
	{
		name: 'add_related: modules without a relation',
		run: (t) => addRelated(t, t.id('ticket'), t.id('product'), ''),
		expect: successfull,
	},
	{
		name: 'add_related: a related record that does not exist',
		run: (t) => addRelated(t, t.id('account'), `${t.prefix('Documents')}x99999999`, 'Documents'),
		expect: successfull,
	},
	{
		name: 'add_related: a deleted source record',
		run: (t) => addRelated(t, t.id('victim'), t.id('doc'), 'Documents'),
		expect: (a) => fails(a, 'INTERNAL_SERVER_ERROR', 'Unknown Error while processing request'),
	},
	{
		name: 'add_related: a malformed id',
		run: (t) => addRelated(t, 'abc', t.id('doc'), 'Documents'),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	{
		name: 'add_related: sent as GET',
		run: (t) =>
			t.get({
				operation: 'add_related',
				sourceRecordId: t.id('account'),
				relatedRecordId: t.id('doc'),
				relationIdLabel: 'Documents',
			}),
		expect: (a) => fails(a, 'INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	},
	// ---- sync (#broken-on-php-8, #polling-for-changes) ----
	{
		name: 'sync',
		run: (t) => t.get({ operation: 'sync', modifiedTime: '1', elementType: 'Contacts' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'sync without elementType',
		run: (t) => t.get({ operation: 'sync', modifiedTime: '1' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'sync as POST',
		run: (t) => t.post({ operation: 'sync', modifiedTime: '1', elementType: 'Contacts' }),
		expect: (a) => fatal(a),
	},
	{
		name: 'sync without a session',
		run: (t) => t.get({ operation: 'sync', modifiedTime: '1' }, 'none'),
		expect: (a) => fails(a, 'AUTHENTICATION_REQUIRED', 'Authencation required'),
	},
	// ---- convertlead (#lead-conversion) ----
	{
		name: 'convertlead (HTTP 500 on PHP 8; nothing converted)',
		run: async (t) => {
			const element = {
				leadId: t.id('lead'),
				assignedTo: t.me,
				entities: {
					Accounts: { create: true, name: 'Accounts', accountname: `${t.tag} Converted Co` },
					Contacts: { create: true, name: 'Contacts', lastname: `${t.tag} converted` },
				},
			};
			return {
				convert: await t.post({ operation: 'convertlead', element: JSON.stringify(element) }),
				lead: await t.query(`SELECT lastname FROM Leads WHERE id = '${t.id('lead')}';`),
				accounts: await t.query(
					`SELECT id FROM Accounts WHERE accountname = '${t.tag} Converted Co';`,
				),
			};
		},
		expect: (o: Record<string, Answer>) => {
			fatal(o.convert);
			eq(ok(o.lead).length, 1, 'the lead is still there');
			eq(ok(o.accounts), [], 'no account created');
		},
	},
	{
		name: 'convertlead with invalid JSON (decoded before the handler)',
		run: (t) => t.post({ operation: 'convertlead', element: '{leadId:1}' }),
		expect: (a) => fails(a, 'INTERNAL_SERVER_ERROR', 'Unknown Error while processing request'),
	},
	{
		name: 'convertlead with an unknown session',
		run: (t) =>
			t.ws.post({ operation: 'convertlead', sessionName: '0123456789abcdef0badcl', element: '{}' }),
		expect: (a) => fails(a, 'INVALID_SESSIONID', 'Session Identifier provided is Invalid'),
	},
];

/** The non-admin user (a standard role): 8.3.0 lets it use only the non-entity types (../vtiger/README.md). */
export const nonAdminCases: Case[] = [
	{
		name: 'non-admin: login',
		run: async (t) => {
			const u = t.userCredentials!;
			const ch = await t.ws.challenge(u.username);
			const { md5 } = await import('./client');
			return t.ws.post({
				operation: 'login',
				username: u.username,
				accessKey: md5(String(ok(ch).token) + u.accessKey),
			});
		},
		expect: (a) => eq(ok(a).is_admin, 'off', 'is_admin'),
	},
	{
		name: 'non-admin: listtypes',
		run: (t) => t.get({ operation: 'listtypes' }, 'user'),
		expect: (a) => eq(ok(a).types, ACTORS, 'types'),
	},
	{
		name: 'non-admin: describe Contacts',
		run: (t) => t.get({ operation: 'describe', elementType: 'Contacts' }, 'user'),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'non-admin: query Contacts',
		run: (t) => t.query('SELECT id FROM Contacts LIMIT 1;', 'user'),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'non-admin: create Contacts',
		run: (t) =>
			t.create(
				'Contacts',
				{ lastname: `${t.tag} by user`, assigned_user_id: t.user!.userId },
				undefined,
				'user',
			),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'non-admin: retrieve a contact',
		run: (t) => t.get({ operation: 'retrieve', id: t.id('contact') }, 'user'),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'non-admin: revise a contact',
		run: (t) =>
			t.post(
				{ operation: 'revise', element: JSON.stringify({ id: t.id('contact'), phone: '2' }) },
				'user',
			),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'non-admin: delete a contact',
		run: (t) => t.post({ operation: 'delete', id: t.id('contact') }, 'user'),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'non-admin: relatedtypes Accounts',
		run: (t) => t.get({ operation: 'relatedtypes', elementType: 'Accounts' }, 'user'),
		expect: (a) => eq(ok(a), { types: [], information: [] }, 'result'),
	},
	{
		name: 'non-admin: retrieve_related',
		run: (t) =>
			t.get(
				{
					operation: 'retrieve_related',
					id: t.id('account'),
					relatedType: 'Contacts',
					relatedLabel: 'Contacts',
				},
				'user',
			),
		expect: (a) => fails(a, 'UNKOWN_ENTITY', 'Relation specified is incorrect'),
	},
	{
		name: 'non-admin: retrieve the admin user',
		run: (t) => t.get({ operation: 'retrieve', id: t.me }, 'user'),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to perform the operation is denied'),
	},
	{
		name: 'non-admin: describe Groups',
		run: (t) => t.get({ operation: 'describe', elementType: 'Groups' }, 'user'),
		expect: (a) => ok(a),
	},
	{
		name: 'non-admin: query Groups',
		run: (t) => t.query('SELECT * FROM Groups;', 'user'),
		expect: (a) => eq(ok(a).length, 3, 'groups'),
	},
	{
		name: 'non-admin: create a group (admin only)',
		run: (t) => t.create('Groups', { groupname: `${t.tag} group` }, undefined, 'user'),
		expect: (a) => fails(a, 'ACCESS_DENIED', 'Permission to write is denied'),
	},
	{
		name: 'non-admin: extendsession',
		run: (t) => t.post({ operation: 'extendsession' }, 'user'),
		expect: (a, t: Ctx) => eq(ok(a).userId, t.user!.userId, 'userId'),
	},
];
