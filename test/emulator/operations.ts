/**
 * The operation table (ref 3.1) and the core handlers. Each operation reads its parameters only
 * from the location of its registered type (ref 2.1); `operation`/`sessionName` come from
 * anywhere. Relations (ref 11) and convertlead (ref 12) have their own files; Documents writes
 * store uploaded files (13.1) and inventory writes handle `LineItems` (14.3, 21 row 11).
 */
import CryptoJS from 'crypto-js';
import type { Clock } from './clock';
import { convertlead } from './convertlead';
import { err, Msg, PhpFatal, WsError } from './errors';
import { retrieveFile, saveDocumentFiles } from './files';
import type { UploadedFile } from './http-params';
import { computeTotals, isUnreadable, keepSentTotals, replaceLines } from './inventory';
import { INVENTORY_MODULES, type Metadata } from './metadata';
import type { QueryEngine } from './query';
import type { Permissions } from './permissions';
import { lineItemList, type Caller, type Records } from './records';
import { addRelated, queryRelated, relatedtypes, retrieveRelated } from './relation-ops';
import type { Session, Sessions } from './sessions';
import type { Store, StoredRecord } from './store';
import { loginProfile } from './users';
import { parseJsonParam } from './values';

export const API_VERSION = '0.22';
/** The releases the emulator can play: 8.2.0 lacks the id check that breaks inventory creates in 8.3.0 (ref 14.1). */
export type VtigerVersion = '8.3.0' | '8.2.0';

export interface RequestContext {
	method: 'GET' | 'POST';
	query: Map<string, string>;
	body: Map<string, string>;
	sessionName?: string;
	/** `operation` was sent in the POST body (extendsession needs that, ref 4.6). */
	operationInBody: boolean;
	/** File parts of a multipart POST body (ref 13.1). */
	files?: Map<string, UploadedFile>;
}

export interface Backend {
	meta: Metadata;
	store: Store;
	records: Records;
	sessions: Sessions;
	queries: QueryEngine;
	permissions: Permissions;
	clock: Clock;
	phpVersion: 7 | 8;
	vtigerVersion: VtigerVersion;
	/** PHP's upload_max_filesize in bytes: a larger file part arrives as no file at all (ref 13.1). */
	uploadMaxFileSize: number;
}

/** What an operation produced: a JSON result, or a plain-text page (changePassword/deleteUser). */
export type OpOutcome = { kind: 'result'; result: unknown } | { kind: 'text'; body: string };

export interface Call {
	backend: Backend;
	req: RequestContext;
	session?: Session;
	caller?: Caller;
	/** A parameter from the operation's own location; PHP-falsy values ("" and "0") are absent. */
	param(name: string): string | undefined;
}

export interface OperationDef {
	type: 'GET' | 'POST';
	/** Needs a valid session. */
	session: boolean;
	/** Takes JSON parameters: a `format` other than json fails before running (ref 2.1). */
	jsonParams?: boolean;
	/** Breaks on PHP 8 after the session check (ref 3.2). */
	brokenOnPhp8?: boolean;
	/** Broken on both PHP versions in this emulator (not emulated yet). */
	alwaysBroken?: boolean;
	handler?: (c: Call) => OpOutcome;
}

const result = (r: unknown): OpOutcome => ({ kind: 'result', result: r });
const RESTRICTED = 'Sorry! Attempt to access restricted file.';

function parseObjectParam(text: string): Record<string, unknown> | null | 'not-object' {
	const parsed = parseJsonParam(text);
	if (!parsed.ok) throw err.internal();
	const v = parsed.value;
	if (v === null) return null;
	if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]));
	if (typeof v === 'object') return v as Record<string, unknown>;
	return 'not-object';
}

function getchallenge(c: Call): OpOutcome {
	const username = c.param('username');
	if (!username) throw err.accessDenied(Msg.noUsername);
	const user = c.backend.store.userByName(username);
	if (!user) throw err.accessDenied(Msg.unknownUsername);
	return result(c.backend.sessions.issueToken(user.num));
}

function login(c: Call): OpOutcome {
	const { store, sessions } = c.backend;
	const username = c.param('username');
	const user = username ? store.userByName(username) : undefined;
	const token = user ? sessions.activeToken(user.num) : undefined;
	if (!user || !token) throw new WsError('INVALID_AUTH_TOKEN', Msg.invalidToken);
	const key = user.values.accesskey;
	if (!key) throw new WsError('ACCESSKEY_UNDEFINED', Msg.accessKeyUndefined);
	const expected = CryptoJS.MD5(token + key).toString();
	if (c.param('accessKey') !== expected) throw new WsError('INVALID_USER_CREDENTIALS', Msg.invalidCredentials);
	if (user.values.status !== 'Active') throw new WsError('INVALID_USER_CREDENTIALS', Msg.invalidCredentials);
	let session = c.session;
	if (session) session.userId = user.num;
	else session = sessions.create(user.num);
	return result({
		...loginProfile(user),
		sessionName: session.name,
		userId: c.backend.records.wsId('Users', user.num),
		version: API_VERSION,
		vtigerVersion: c.backend.vtigerVersion,
	});
}

function extendsession(c: Call): OpOutcome {
	if (!c.req.operationInBody) throw err.authRequired();
	const name = c.req.sessionName;
	const session = name ? c.backend.sessions.touch(name) : undefined;
	if (!session) throw err.authFailure();
	return result({
		sessionName: session.name,
		userId: c.backend.records.wsId('Users', session.userId),
		version: API_VERSION,
		vtigerVersion: c.backend.vtigerVersion,
	});
}

function logout(c: Call): OpOutcome {
	if (c.req.method !== 'POST') throw err.notSupported();
	c.backend.sessions.destroy(c.session!.name);
	return result({ message: 'successfull' });
}

function listtypes(c: Call): OpOutcome {
	const { meta } = c.backend;
	const filterText = c.param('fieldTypeList');
	let types = c.backend.permissions.types(c.caller!);
	if (filterText) {
		const parsed = parseJsonParam(filterText);
		if (!parsed.ok) throw err.internal();
		if (!Array.isArray(parsed.value)) throw new PhpFatal('fieldTypeList is not an array');
		const wanted = parsed.value.map(String);
		if (wanted.length > 0) {
			// Ref 6.1: filtered on the UI-type mapping: entity modules only, Users never matches.
			types = types.filter(
				(m) => meta.isEntity(m) && m !== 'Users' && meta.fields(m).some((f) => wanted.includes(f.type.name)),
			);
		}
	}
	if (types.length === 0) return result({ types: [], information: [] });
	const information: Record<string, unknown> = {};
	for (const m of types) information[m] = meta.info(m);
	return result({ types, information });
}

function describe(c: Call): OpOutcome {
	const module = c.param('elementType') ?? '';
	c.backend.permissions.check(c.caller!, module);
	return result(c.backend.meta.describe(module));
}

function retrieve(c: Call): OpOutcome {
	const { records } = c.backend;
	const id = records.parseId(c.param('id'));
	c.backend.permissions.check(c.caller!, id.module);
	const rec = records.resolve(id);
	if (rec.module === 'Users' && rec.values.status !== 'Active') throw err.recordNotFound();
	if (brokenInventory(c, rec)) throw new PhpFatal('individual tax without lines');
	return result(records.presentFull(rec, id.echo));
}

/** Ref 14.2: on PHP 8 an individual-tax inventory record without lines fails with HTTP 500. */
function brokenInventory(c: Call, rec: StoredRecord): boolean {
	return c.backend.phpVersion === 8 && INVENTORY_MODULES.has(rec.module) && isUnreadable(c.backend.store, rec);
}

/** The file parts PHP hands over: those above upload_max_filesize are dropped without an error. */
function uploadedFiles(c: Call): Map<string, UploadedFile> {
	return new Map([...(c.req.files ?? new Map<string, UploadedFile>())].filter(([, f]) => f.data.length <= c.backend.uploadMaxFileSize));
}

function create(c: Call): OpOutcome {
	const { records } = c.backend;
	const module = c.param('elementType');
	if (!module || !c.backend.permissions.permits(c.caller!, module)) throw err.accessDenied();
	const text = c.param('element');
	if (!text) throw new PhpFatal('create without element');
	const element = parseObjectParam(text);
	if (element === null || element === 'not-object') throw new PhpFatal('element is not an array');
	const rec = records.create(c.caller!, module, element);
	if (rec.module === 'Documents') saveDocumentFiles(c.backend.store, rec, uploadedFiles(c), undefined);
	if (INVENTORY_MODULES.has(rec.module)) {
		writeLines(c, rec, element);
		return result(records.presentFull(rec, undefined, 'write'));
	}
	// Ref 21 row 18: a task without activitytype "Task" is stored as an Events record, yet answered with the Calendar prefix.
	return result(records.presentFull(rec, records.wsId(module, rec.num)));
}

function updateOrRevise(mode: 'update' | 'revise') {
	return (c: Call): OpOutcome => {
		const { records } = c.backend;
		const text = c.param('element');
		if (!text) throw err.invalidId();
		const element = parseObjectParam(text);
		if (element === 'not-object') throw new PhpFatal('element is not an array');
		if (element === null) throw err.invalidId();
		const rawId = element.id;
		const id = records.parseId(typeof rawId === 'string' ? rawId : rawId == null ? undefined : String(rawId), () =>
			err.invalidId(),
		);
		c.backend.permissions.check(c.caller!, id.module);
		const rec = records.resolve(id);
		const unreadable = brokenInventory(c, rec);
		const before = { ...rec.values };
		records.update(c.caller!, rec, element, mode);
		if (unreadable) throw new PhpFatal('individual tax without lines');
		if (rec.module === 'Documents') saveDocumentFiles(c.backend.store, rec, uploadedFiles(c), before);
		if (INVENTORY_MODULES.has(rec.module) && 'LineItems' in element) writeLines(c, rec, element);
		return result(records.presentFull(rec, undefined, 'write'));
	};
}

/** Replaces the lines and computes the totals; on PHP 8 the request dies after the lines are saved (ref 21 row 11). */
function writeLines(c: Call, rec: StoredRecord, element: Record<string, unknown>): void {
	replaceLines(c.backend.store, rec, lineItemList(element.LineItems));
	if (c.backend.phpVersion === 8) {
		keepSentTotals(rec, element);
		throw new PhpFatal('LineItems');
	}
	computeTotals(c.backend.store, rec);
}

function del(c: Call): OpOutcome {
	const { records } = c.backend;
	const id = records.parseId(c.param('id'));
	c.backend.permissions.check(c.caller!, id.module);
	const rec = records.resolve(id);
	if (brokenInventory(c, rec)) throw new PhpFatal('individual tax without lines');
	records.delete(c.caller!, rec);
	return result({ status: 'successful' });
}

function query(c: Call): OpOutcome {
	return result(c.backend.queries.run(c.param('query'), (module) => c.backend.permissions.permits(c.caller!, module)));
}

function filesRetrieve(c: Call): OpOutcome {
	return result(retrieveFile(c.backend.meta, c.backend.store, c.param('id')));
}

export const OPERATIONS: Record<string, OperationDef> = {
	getchallenge: { type: 'GET', session: false, handler: getchallenge },
	login: { type: 'POST', session: false, handler: login },
	extendsession: { type: 'POST', session: false, handler: extendsession },
	logout: { type: 'POST', session: true, brokenOnPhp8: true, handler: logout },
	listtypes: { type: 'GET', session: true, jsonParams: true, handler: listtypes },
	describe: { type: 'GET', session: true, handler: describe },
	create: { type: 'POST', session: true, jsonParams: true, handler: create },
	retrieve: { type: 'GET', session: true, handler: retrieve },
	update: { type: 'POST', session: true, jsonParams: true, handler: updateOrRevise('update') },
	revise: { type: 'POST', session: true, jsonParams: true, handler: updateOrRevise('revise') },
	delete: { type: 'POST', session: true, handler: del },
	query: { type: 'GET', session: true, handler: query },
	sync: { type: 'GET', session: true, brokenOnPhp8: true, alwaysBroken: true },
	convertlead: { type: 'POST', session: true, jsonParams: true, brokenOnPhp8: true, handler: convertlead },
	retrieve_inventory: { type: 'GET', session: true, brokenOnPhp8: true, alwaysBroken: true },
	relatedtypes: { type: 'GET', session: true, handler: relatedtypes },
	retrieve_related: { type: 'GET', session: true, handler: retrieveRelated },
	query_related: { type: 'GET', session: true, handler: queryRelated },
	add_related: { type: 'POST', session: true, handler: addRelated },
	files_retrieve: { type: 'GET', session: true, brokenOnPhp8: true, handler: filesRetrieve },
	changepassword: { type: 'POST', session: false, handler: () => ({ kind: 'text', body: RESTRICTED }) },
	deleteuser: { type: 'POST', session: false, handler: () => ({ kind: 'text', body: RESTRICTED }) },
};

const hasSessionValue = (s: string | undefined): s is string => !!s && s !== 'null';

/** Runs one operation: session handling (ref 4.2, 4.4), PHP 8 breakage (ref 3.2), then the handler. */
export function runOperation(backend: Backend, def: OperationDef, req: RequestContext): OpOutcome {
	const source = def.type === 'GET' ? req.query : req.body;
	const call: Call = {
		backend,
		req,
		param(name) {
			const v = source.get(name);
			return v === undefined || v === '' || v === '0' ? undefined : v;
		},
	};
	if (def.session) {
		if (!hasSessionValue(req.sessionName)) throw err.authRequired();
		const session = backend.sessions.touch(req.sessionName);
		if (!session) throw err.invalidSession();
		const user = backend.store.user(session.userId);
		call.session = session;
		call.caller = { userId: session.userId, isAdmin: user?.values.is_admin === 'on' };
	} else if (def.handler === getchallenge || def.handler === login) {
		if (hasSessionValue(req.sessionName)) {
			const session = backend.sessions.touch(req.sessionName);
			if (!session) throw err.invalidSession();
			call.session = session;
		}
	}
	if (def.alwaysBroken || (def.brokenOnPhp8 && backend.phpVersion === 8)) throw new PhpFatal('Unknown named parameter');
	return def.handler!(call);
}
