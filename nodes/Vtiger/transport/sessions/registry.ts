import { createHash } from 'crypto';

import { webserviceUrl } from '../url';
import {
	Login,
	VtigerLoginError,
	type LoginSettings,
	type PlainHttpRequest,
	type VtigerLogin,
} from './login';

/**
 * What this n8n process keeps per Vtiger user (CRM URL and user name): the one queue of logins,
 * the credential's latest session, the extra sessions of Parallel Requests, and remembered
 * metadata. Sessions are only handed to callers that know the same access key. A user not seen for
 * Vtiger's idle lifetime is forgotten (docs/vtiger-webservice.md#session-lifetime).
 */
export const IDLE_LIFETIME_MS = 24 * 60 * 1000;

interface Held {
	keyHash: string;
	login: Promise<VtigerLogin>;
	/** Known once the login succeeded. */
	sessionName?: string;
	lastUsed: number;
}

/** The access key's hash, to compare keys without keeping them. */
export const keyHashOf = (accessKey: string) =>
	createHash('sha256').update(accessKey, 'utf8').digest('hex');

export interface LoginOptions {
	/** For the credential's own session (see `CrmUser.login`). */
	shared?: boolean;
	/** The key is known to have worked before (the credential holds the user id a login stored). */
	keyWorked?: boolean;
}

export class CrmUser {
	lastUsed = Date.now();
	private queue: Promise<unknown> = Promise.resolve();
	private queued = 0;
	private waitingShared?: { keyHash: string; login: Promise<VtigerLogin> };
	private readonly lanes: Array<Held | undefined> = [];
	private readonly keysThatWorked = new Set<string>();
	private readonly remembered = new Map<string, { value: Promise<unknown>; until: number }>();

	constructor(private readonly endpoint: string) {}

	/** Whether a login is queued or running, so the entry must not be forgotten now. */
	get busy(): boolean {
		return this.queued > 0;
	}

	/**
	 * A new session; logins of one user run one at a time (Vtiger keeps one challenge token per
	 * user). With `shared` (the credential's own session) callers asking while such a login waits
	 * for its turn get that one, so a session lost in many executions at once costs one login per
	 * process. A login already under way is not joined: it may predate the need.
	 */
	async login(
		send: PlainHttpRequest,
		settings: LoginSettings,
		{ shared = false, keyWorked = false }: LoginOptions = {},
	): Promise<VtigerLogin> {
		const keyHash = keyHashOf(settings.accessKey);
		const waiting = this.waitingShared;
		if (shared && waiting?.keyHash === keyHash) return await waiting.login;
		const busy = this.busy;
		const login = this.serialised(async () => {
			if (this.waitingShared?.login === login) this.waitingShared = undefined;
			// A rejected key that has worked before may have lost a race with another process.
			const mayRace = keyWorked || this.keysThatWorked.has(keyHash);
			const session = await new Login(send, settings, this.endpoint).run(mayRace);
			this.keysThatWorked.add(keyHash);
			return session;
		});
		if (shared && busy) this.waitingShared = { keyHash, login };
		return await login;
	}

	/** Whether a login with the access key of this hash has succeeded in this process. */
	keyWorked(keyHash: string): boolean {
		return this.keysThatWorked.has(keyHash);
	}

	private async serialised<T>(task: () => Promise<T>): Promise<T> {
		this.queued++;
		const run = this.queue.then(task, task);
		this.queue = run.then(
			() => this.queued--,
			() => this.queued--,
		);
		return await run;
	}

	/**
	 * The extra session of a Parallel Requests lane (k > 0); `rejected` names a session the server
	 * refused: a new one is opened unless another execution already replaced it. A lane unused for
	 * the idle lifetime is replaced before use.
	 */
	async laneSession(
		lane: number,
		keyHash: string,
		open: () => Promise<VtigerLogin>,
		rejected?: string,
	): Promise<VtigerLogin> {
		const now = Date.now();
		let held = this.lanes[lane];
		if (
			!held ||
			held.keyHash !== keyHash ||
			now - held.lastUsed > IDLE_LIFETIME_MS ||
			(rejected !== undefined && held.sessionName === rejected)
		) {
			const opened: Held = { keyHash, login: open(), lastUsed: now };
			this.lanes[lane] = opened;
			opened.login.then(
				({ sessionName }) => (opened.sessionName = sessionName),
				() => {
					if (this.lanes[lane] === opened) this.lanes[lane] = undefined;
				},
			);
			held = opened;
		}
		held.lastUsed = now;
		return await held.login;
	}

	/** Session names this user's sessions have had, to blank them out of texts. Never waits for a login. */
	sessionNames(): string[] {
		return this.lanes
			.map((held) => held?.sessionName)
			.filter((n): n is string => typeof n === 'string' && n !== '');
	}

	/** `compute`d once and kept for `lifetimeMs` (a failure is not kept); `fresh` computes again. */
	async remember<T>(
		key: string,
		lifetimeMs: number,
		compute: () => Promise<T>,
		fresh = false,
	): Promise<T> {
		const kept = this.remembered.get(key);
		if (kept && !fresh && kept.until > Date.now()) return (await kept.value) as T;
		const value = compute();
		const entry = { value, until: Date.now() + lifetimeMs };
		this.remembered.set(key, entry);
		value.catch(() => {
			if (this.remembered.get(key) === entry) this.remembered.delete(key);
		});
		return await value;
	}
}

const users = new Map<string, CrmUser>();

/** The process's state for a user of the CRM at `endpoint`; users idle for the idle lifetime are forgotten. */
export function crmUser(endpoint: string, username: string): CrmUser {
	const now = Date.now();
	for (const [key, user] of users) {
		if (now - user.lastUsed > IDLE_LIFETIME_MS && !user.busy) users.delete(key);
	}
	const key = `${endpoint}\n${username.toLowerCase()}`;
	let user = users.get(key);
	if (!user) {
		user = new CrmUser(endpoint);
		users.set(key, user);
	}
	user.lastUsed = now;
	return user;
}

/** A new session for the credential's user. */
export async function logIn(
	send: PlainHttpRequest,
	settings: LoginSettings,
	options: LoginOptions = {},
): Promise<VtigerLogin> {
	const endpoint = webserviceUrl(settings.crmUrl);
	if (endpoint instanceof Error) throw new VtigerLoginError({ message: endpoint.message });
	if (!settings.username)
		throw new VtigerLoginError({ message: 'The credential has no user name' });
	if (!settings.accessKey)
		throw new VtigerLoginError({ message: 'The credential has no access key' });
	return await crmUser(endpoint, settings.username).login(send, settings, options);
}
