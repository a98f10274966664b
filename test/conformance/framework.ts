/**
 * What a conformance case sees: one target (the emulator or the real server) with its sessions,
 * the fixtures created so far on it, and helpers to send requests and to check answers.
 */
import type { VtigerEmulator } from '../emulator';
import { WsClient, type Answer, type Params, type PostOptions, type Session } from './client';

export type Who = 'admin' | 'user' | 'none';
/** A case answers with one answer or with named steps (compared step by step). */
export type Outcome = Answer | Record<string, Answer>;

export interface Case {
	name: string;
	run(t: Ctx): Promise<Outcome>;
	/** Checks of the answer on every target (the emulator-only mode relies on these). */
	expect?(o: any, t: Ctx): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Credentials {
	username: string;
	accessKey: string;
}

export class Ctx {
	readonly ws: WsClient;
	admin!: Session;
	user?: Session;
	/** fixture name → ws id */
	readonly ids = new Map<string, string>();
	/** module → id prefix */
	readonly prefixes = new Map<string, string>();
	/** ids of records created by the suite (deleted at the end) */
	readonly created: string[] = [];
	/** extra names for the masks (session names, user ids) */
	readonly extraNames = new Map<string, string>();

	constructor(
		readonly name: 'emulator' | 'real',
		readonly url: string,
		readonly adminCredentials: Credentials,
		readonly userCredentials: Credentials | undefined,
		readonly tag: string,
		readonly emulator?: VtigerEmulator,
	) {
		this.ws = new WsClient(url);
	}

	async setUp(): Promise<void> {
		this.admin = await this.ws.login(
			this.adminCredentials.username,
			this.adminCredentials.accessKey,
		);
		this.extraNames.set(this.admin.sessionName, 'adminSession');
		this.extraNames.set(this.admin.userId, 'admin');
		if (this.userCredentials) {
			this.user = await this.ws.login(
				this.userCredentials.username,
				this.userCredentials.accessKey,
			);
			this.extraNames.set(this.user.sessionName, 'userSession');
			this.extraNames.set(this.user.userId, 'user');
		}
		const lt = await this.get({ operation: 'listtypes' });
		for (const module of (lt.json?.result?.types ?? []) as string[]) {
			const d = await this.get({ operation: 'describe', elementType: module });
			if (d.json?.success) this.prefixes.set(module, String(d.json.result.idPrefix));
		}
	}

	private session(who: Who): Params {
		if (who === 'none') return {};
		if (who === 'user') {
			if (!this.user) throw new Error('no non-admin user configured');
			return { sessionName: this.user.sessionName };
		}
		return { sessionName: this.admin.sessionName };
	}

	get(params: Params, who: Who = 'admin'): Promise<Answer> {
		return this.ws.get({ ...this.session(who), ...params });
	}

	post(params: Params, who: Who = 'admin', options?: PostOptions): Promise<Answer> {
		return this.ws.post({ ...this.session(who), ...params }, options);
	}

	query(q: string, who: Who = 'admin'): Promise<Answer> {
		return this.get({ operation: 'query', query: q }, who);
	}

	/** `create`; a successful one is remembered for clean-up and, with `name`, as a fixture. */
	async create(
		module: string,
		element: unknown,
		name?: string,
		who: Who = 'admin',
		options?: PostOptions,
	): Promise<Answer> {
		const element_ = typeof element === 'string' ? element : JSON.stringify(element);
		const a = await this.post(
			{ operation: 'create', elementType: module, element: element_ },
			who,
			options,
		);
		this.remember(a, name);
		return a;
	}

	remember(a: Answer, name?: string): void {
		const id = a.json?.success ? a.json.result?.id : undefined;
		if (typeof id !== 'string') return;
		this.created.push(id);
		if (name) this.ids.set(name, id);
	}

	id(name: string): string {
		const id = this.ids.get(name);
		if (!id) throw new Error(`fixture ${name} was not created on ${this.name}`);
		return id;
	}

	prefix(module: string): string {
		const p = this.prefixes.get(module);
		if (!p) throw new Error(`no prefix for ${module} on ${this.name}`);
		return p;
	}

	/** The record number part of a fixture's id. */
	num(name: string): string {
		return this.id(name).split('x')[1];
	}

	get me(): string {
		return this.admin.userId;
	}

	/** The masks for normalisation: fixtures, sessions, users, prefixes, tag. */
	masks(): { names: Map<string, string>; modules: Map<string, string>; tag: string } {
		const names = new Map(this.extraNames);
		for (const [n, id] of this.ids) names.set(id, n);
		const modules = new Map<string, string>();
		for (const [m, p] of this.prefixes) modules.set(p, m);
		return { names, modules, tag: this.tag };
	}
}

// ---- checks ----------------------------------------------------------------------------------

export class CheckFailure extends Error {}

function fail(message: string): never {
	const e = new CheckFailure(message);
	e.stack = message;
	throw e;
}

const show = (v: unknown): string => {
	const s = JSON.stringify(v) ?? String(v);
	return s.length > 300 ? `${s.slice(0, 300)}…` : s;
};

export function describeAnswer(a: Answer): string {
	return a.json !== undefined
		? `HTTP ${a.status} ${show(a.json)}`
		: `HTTP ${a.status} ${a.type} ${show(a.text.slice(0, 200))}`;
}

/** A success envelope; returns `result`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ok(a: Answer): any {
	if (a.status !== 200 || a.json?.success !== true)
		fail(`expected success, got ${describeAnswer(a)}`);
	return a.json.result;
}

/** An error envelope with that code (and message, when given; a RegExp matches). */
export function fails(a: Answer, code: string | number, message?: string | RegExp): void {
	if (a.status !== 200 || a.json?.success !== false)
		fail(`expected error ${code}, got ${describeAnswer(a)}`);
	if (a.json.error?.code !== code)
		fail(`expected error code ${show(code)}, got ${describeAnswer(a)}`);
	const m = a.json.error?.message;
	if (typeof message === 'string' && m !== message)
		fail(`expected message ${show(message)}, got ${show(m)}`);
	if (message instanceof RegExp && !message.test(String(m)))
		fail(`expected message matching ${message}, got ${show(m)}`);
}

/** HTTP 500 with an empty body (docs/vtiger-webservice.md#non-json-answers). */
export function fatal(a: Answer): void {
	if (a.status !== 500 || a.text !== '')
		fail(`expected HTTP 500 with an empty body, got ${describeAnswer(a)}`);
}

export function eq(actual: unknown, expected: unknown, what: string): void {
	if (JSON.stringify(actual) !== JSON.stringify(expected))
		fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function matches(actual: unknown, re: RegExp, what: string): void {
	if (typeof actual !== 'string' || !re.test(actual))
		fail(`${what}: expected ${re}, got ${show(actual)}`);
}

export function hasKeys(obj: unknown, keys: string[], what: string): void {
	if (!obj || typeof obj !== 'object') fail(`${what}: expected an object, got ${show(obj)}`);
	const missing = keys.filter((k) => !(k in (obj as object)));
	if (missing.length > 0) fail(`${what}: missing keys ${missing.join(', ')}`);
}

export function check(condition: boolean, what: string): void {
	if (!condition) fail(what);
}
