import { createHash, randomInt } from 'crypto';
import { sleep, type IHttpRequestOptions } from 'n8n-workflow';

import {
	explainFailure,
	explainNetworkError,
	explainNoModules,
	explainNotJson,
	type ErrorText,
} from './errors';
import { parseReply, type RawHttpResponse } from './response';
import { webserviceUrl } from './url';
import { buildRequest, type WireParams } from './wire';

export type PlainHttpRequest = (options: IHttpRequestOptions) => Promise<RawHttpResponse>;

export interface VtigerLogin {
	sessionName: string;
	userId: string;
	version: string;
	vtigerVersion: string;
}

export interface LoginSettings {
	crmUrl: string;
	username: string;
	accessKey: string;
	ignoreSslIssues?: boolean;
	timeoutMs: number;
}

/** Failure to obtain a session: carries a sentence for people and Vtiger's code when there is one. */
export class VtigerLoginError extends Error {
	readonly description?: string;
	// Not named `code`: n8n's credential test shows an error's `cause.code` instead of its message.
	readonly vtigerCode?: string | number;

	constructor(text: ErrorText, vtigerCode?: string | number) {
		super(text.message);
		this.name = 'VtigerLoginError';
		this.description = text.description;
		this.vtigerCode = vtigerCode;
	}
}

// Vtiger keeps one challenge token per user, so logins of one user must not overlap (reference 4.5).
const loginQueues = new Map<string, Promise<unknown>>();

async function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = loginQueues.get(key) ?? Promise.resolve();
	const run = previous.then(task, task);
	const settled = run.then(
		() => undefined,
		() => undefined,
	);
	loginQueues.set(key, settled);
	void settled.then(() => {
		if (loginQueues.get(key) === settled) loginQueues.delete(key);
	});
	return await run;
}

async function call(
	send: PlainHttpRequest,
	endpoint: string,
	operation: string,
	params: WireParams,
	settings: LoginSettings,
) {
	const { timeoutMs } = settings;
	const options = {
		...buildRequest(endpoint, operation, params),
		skipSslCertificateValidation: settings.ignoreSslIssues === true,
	};
	const response = await send({ ...options, timeout: timeoutMs }).catch(
		(error: unknown) =>
			new VtigerLoginError(explainNetworkError(error, endpoint, { operation, timeoutMs })),
	);
	if (response instanceof VtigerLoginError) throw response;
	const reply = parseReply(response);
	if (reply.kind === 'notJson') throw new VtigerLoginError(explainNotJson(operation, reply));
	return reply;
}

// Another process (e.g. another n8n worker) asking for the user's token between our getchallenge
// and login makes the login fail: the pair is repeated after a random pause that doubles each time
// up to a cap. Every retry waits a random time, so that processes that failed together spread out.
const RETRY_CODES = new Set<string | number>(['INVALID_USER_CREDENTIALS', 'INVALID_AUTH_TOKEN']);
const LOGIN_ATTEMPTS = 8;
const MAX_RETRY_PAUSE_MS = 800;

async function challengeAndLogin(
	send: PlainHttpRequest,
	settings: LoginSettings,
	endpoint: string,
	attempt: number,
): Promise<VtigerLogin> {
	const challenge = await call(
		send,
		endpoint,
		'getchallenge',
		{ username: settings.username },
		settings,
	);
	if (challenge.kind === 'failure') {
		const text = /username does not exists/.test(challenge.message)
			? {
					message: `Vtiger does not know the user "${settings.username}"`,
					description: `Check the user name in the credential (the Vtiger login name, not the e-mail). Vtiger said: "${challenge.message}"`,
				}
			: explainFailure('getchallenge', challenge.code, challenge.message);
		throw new VtigerLoginError(text, challenge.code);
	}
	const token = (challenge.result as { token?: unknown } | null)?.token;
	if (typeof token !== 'string' || token === '') {
		throw new VtigerLoginError({
			message: 'The server answered "getchallenge" without a token: it does not look like Vtiger',
		});
	}
	const accessKey = createHash('md5')
		.update(token + settings.accessKey, 'utf8')
		.digest('hex');
	const login = await call(
		send,
		endpoint,
		'login',
		{ username: settings.username, accessKey },
		settings,
	);
	if (login.kind === 'failure') {
		if (RETRY_CODES.has(login.code) && attempt < LOGIN_ATTEMPTS - 1) {
			await sleep(randomInt(1, Math.min(50 * 2 ** attempt, MAX_RETRY_PAUSE_MS) + 1));
			return await challengeAndLogin(send, settings, endpoint, attempt + 1);
		}
		const text =
			login.code === 'INVALID_USER_CREDENTIALS'
				? {
						message: `Vtiger rejected the access key of user "${settings.username}"`,
						description:
							'Copy the access key again from Vtiger (My Preferences > User Advanced Options > Access Key). An inactive user is rejected the same way.',
					}
				: explainFailure('login', login.code, login.message);
		throw new VtigerLoginError(text, login.code);
	}
	const result = login.result as Partial<Record<keyof VtigerLogin, unknown>> | null;
	if (typeof result?.sessionName !== 'string' || result.sessionName === '') {
		throw new VtigerLoginError({
			message: 'The server answered "login" without a session: it does not look like Vtiger',
		});
	}
	const session = {
		sessionName: result.sessionName,
		userId: String(result.userId ?? ''),
		version: String(result.version ?? ''),
		vtigerVersion: String(result.vtigerVersion ?? ''),
	};
	if ((login.result as { is_admin?: unknown }).is_admin !== 'on')
		await checkSomeModule(send, settings, endpoint, session);
	return session;
}

/** A user who is not an admin may be let use no module at all (Vtiger 8.3.0 does so to every such user). */
async function checkSomeModule(
	send: PlainHttpRequest,
	settings: LoginSettings,
	endpoint: string,
	session: VtigerLogin,
) {
	const reply = await call(
		send,
		endpoint,
		'listtypes',
		{ sessionName: session.sessionName },
		settings,
	);
	if (reply.kind !== 'success') return;
	const { information } = (reply.result ?? {}) as {
		information?: Record<string, { isEntity?: unknown } | null>;
	};
	if (Object.values(information ?? {}).some((type) => type?.isEntity === true)) return;
	throw new VtigerLoginError(explainNoModules(settings.username, session.vtigerVersion));
}

// A shared login waiting behind another login of its user, by user and access key: later callers join it.
const waitingShared = new Map<string, Promise<VtigerLogin>>();

/**
 * getchallenge, then login with md5(token + access key); one login per CRM user at a time. With
 * `shared` (the credential's own session) executions asking while such a login waits for its turn
 * get that one, so a session lost or missing in many executions at once costs two logins per n8n
 * process, not one per execution. A login already under way is not joined: it may predate the need.
 */
export async function loginToVtiger(
	send: PlainHttpRequest,
	settings: LoginSettings,
	shared = false,
): Promise<VtigerLogin> {
	const endpoint = webserviceUrl(settings.crmUrl);
	if (endpoint instanceof Error) throw new VtigerLoginError({ message: endpoint.message });
	if (!settings.username)
		throw new VtigerLoginError({ message: 'The credential has no user name' });
	if (!settings.accessKey)
		throw new VtigerLoginError({ message: 'The credential has no access key' });
	const user = `${endpoint}\n${settings.username.toLowerCase()}`;
	const sharedKey = `${user}\n${settings.accessKey}`;
	const waiting = shared ? waitingShared.get(sharedKey) : undefined;
	if (waiting) return await waiting;
	const busy = loginQueues.has(user);
	const login = serialised(user, async () => {
		if (waitingShared.get(sharedKey) === login) waitingShared.delete(sharedKey);
		return await challengeAndLogin(send, settings, endpoint, 0);
	});
	if (shared && busy) waitingShared.set(sharedKey, login);
	return await login;
}
