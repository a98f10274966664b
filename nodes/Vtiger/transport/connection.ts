import {
	NodeApiError,
	sleep,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import {
	explainNetworkError,
	explainNotJson,
	explainSessionLostAgain,
	SESSION_ERROR_CODES,
	type ErrorText,
} from './errors';
import { parseReply, type RawHttpResponse, type VtigerReply } from './response';
import {
	isLoginError,
	loginSettingsOf,
	type LoginSettings,
	type VtigerLogin,
} from './sessions/login';
import { crmUser, keyHashOf, logIn, type CrmUser } from './sessions/registry';
import { webserviceUrl } from './url';
import { buildRequest, httpMethodOf, type WireParams } from './wire';

export type VtigerContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'vtigerApi';

/** The sentence for one of Vtiger's `success:false` answers (given by the node, which knows its own labels). */
export type ExplainFailure = (
	operation: string,
	code: string | number,
	vtigerMessage: string,
	params: WireParams,
) => ErrorText;

type FailedReply = Exclude<VtigerReply, { kind: 'success' }>;

const isSessionLoss = (reply: VtigerReply) =>
	reply.kind === 'failure' && SESSION_ERROR_CODES.has(reply.code);

const RACE_LOOKS = 3;
const RACE_LOOK_PAUSE_MS = 250;

/**
 * The one request path to the Vtiger of the node's credential. The credential's session lives in
 * the credential (n8n's preAuthentication), so executions and processes share it; lane k > 0 of
 * Parallel Requests uses an extra session of this process (sessions/registry.ts). A lost session
 * is replaced once per request.
 */
export class VtigerConnection {
	constructor(
		protected readonly ctx: VtigerContext,
		protected readonly explainFailure: ExplainFailure,
		protected readonly lane = 0,
		protected readonly memos = new Map<string, Promise<unknown>>(),
	) {}

	get node(): INode {
		return this.ctx.getNode();
	}

	/** The credential as stored now (its session and user id change when it logs in). */
	private async credentials() {
		return await this.ctx.getCredentials(CREDENTIAL_TYPE);
	}

	/** The credential's URL, user, key and connection settings, read once per execution. */
	protected async settings(): Promise<LoginSettings> {
		return await this.memo('settings', async () => loginSettingsOf(await this.credentials()));
	}

	/** The credential's webservice.php address. */
	private async endpoint(): Promise<string> {
		const endpoint = webserviceUrl((await this.settings()).crmUrl);
		if (endpoint instanceof Error) {
			throw new NodeApiError(
				this.node,
				{ message: endpoint.message },
				{ message: endpoint.message },
			);
		}
		return endpoint;
	}

	/** What this process keeps for the credential's CRM user. */
	private async user(): Promise<CrmUser> {
		return crmUser(await this.endpoint(), (await this.settings()).username);
	}

	/**
	 * The one way a request goes out. A credential that never logged in and is told its key is
	 * wrong may have lost the user's token to another process logging in at the same moment: when
	 * the credential holds a login shortly after, the request is sent again on it.
	 */
	private async request(
		operation: string,
		params: WireParams,
		method = httpMethodOf(operation),
		sessionName?: string,
	): Promise<VtigerReply> {
		const attempt = async () => await this.requestOnce(operation, params, method, sessionName);
		return await this.withLoginErrors(async () => {
			const first = await attempt().then(
				(reply) => ({ reply }),
				(error: unknown) => ({ error }),
			);
			if ('reply' in first) return first.reply;
			if (
				isLoginError(first.error) &&
				first.error.firstRejection &&
				(await this.loggedInElsewhere())
			)
				return await attempt();
			throw first.error;
		});
	}

	/** Whether another process stored a login in the credential within a short while. */
	private async loggedInElsewhere(): Promise<boolean> {
		for (let look = 0; look < RACE_LOOKS; look++) {
			await sleep(RACE_LOOK_PAUSE_MS);
			if ((await this.credentials()).userId) return true;
		}
		return false;
	}

	/** Runs `task`; a failed login becomes the error users see. */
	private async withLoginErrors<T>(task: () => Promise<T>): Promise<T> {
		const outcome = await task().then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		if ('value' in outcome) return outcome.value;
		const { error } = outcome;
		if (!isLoginError(error)) throw error;
		throw await this.fail(
			{ message: error.message, description: error.description },
			{ code: error.vtigerCode },
		);
	}

	private async requestOnce(
		operation: string,
		params: WireParams,
		method: 'GET' | 'POST',
		sessionName?: string,
	): Promise<VtigerReply> {
		if (sessionName !== undefined)
			return await this.direct(operation, { ...params, sessionName }, method);
		if (this.lane > 0) {
			const user = await this.user();
			const keyHash = await this.memo('keyHash', async () =>
				keyHashOf((await this.settings()).accessKey),
			);
			// Extra sessions are opened once a login has shown that the key works.
			if (user.keyWorked(keyHash) || (await this.credentials()).userId)
				return await this.onLaneSession(operation, params, method, user, keyHash);
		}
		const credentials = await this.credentials();
		const reply = await this.viaCredential(operation, params, method, credentials);
		if (!isSessionLoss(reply)) return reply;
		// A lost session provably ran nothing, so the request may go again: on the session the
		// credential holds now if someone (this process or another) replaced it meanwhile.
		const now = await this.credentials();
		if (now.sessionName && now.sessionName !== credentials.sessionName) {
			const again = await this.viaCredential(operation, params, method, now);
			if (!isSessionLoss(again)) return again;
		}
		// An empty session makes n8n run preAuthentication (a new login) and store its result.
		return await this.viaCredential(operation, params, method, { ...now, sessionName: '' });
	}

	/** On the lane's own session; a lost one is replaced once. */
	private async onLaneSession(
		operation: string,
		params: WireParams,
		method: 'GET' | 'POST',
		user: CrmUser,
		keyHash: string,
	): Promise<VtigerReply> {
		const session = async (rejected?: string) =>
			await user.laneSession(this.lane, keyHash, async () => await this.newSession(), rejected);
		const first = await session();
		const reply = await this.direct(
			operation,
			{ ...params, sessionName: first.sessionName },
			method,
		);
		if (!isSessionLoss(reply)) return reply;
		const second = await session(first.sessionName);
		return await this.direct(operation, { ...params, sessionName: second.sessionName }, method);
	}

	/** On the credential as given (n8n logs in first when its session is empty). */
	private async viaCredential(
		operation: string,
		params: WireParams,
		method: 'GET' | 'POST',
		data: ICredentialDataDecryptedObject,
	): Promise<VtigerReply> {
		const ref = this.node.credentials?.[CREDENTIAL_TYPE];
		const credentialsDecrypted: ICredentialsDecrypted = {
			id: ref?.id ?? '',
			name: ref?.name ?? '',
			type: CREDENTIAL_TYPE,
			data,
		};
		const options = buildRequest('/webservice.php', operation, params, method);
		return await this.sent(operation, async () =>
			this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, CREDENTIAL_TYPE, options, {
				credentialsDecrypted,
			}),
		);
	}

	/** Straight to webservice.php, with the session among `params`. */
	private async direct(
		operation: string,
		params: WireParams,
		method: 'GET' | 'POST',
	): Promise<VtigerReply> {
		const { ignoreSslIssues, timeoutMs } = await this.settings();
		const endpoint = await this.endpoint();
		const options: IHttpRequestOptions = {
			...buildRequest(endpoint, operation, params, method),
			skipSslCertificateValidation: ignoreSslIssues === true,
			timeout: timeoutMs,
		};
		return await this.sent(operation, async () => this.ctx.helpers.httpRequest(options));
	}

	private async sent(operation: string, send: () => Promise<unknown>): Promise<VtigerReply> {
		try {
			return parseReply((await send()) as RawHttpResponse);
		} catch (error) {
			const original = (error as { cause?: unknown }).cause ?? error;
			if (isLoginError(original)) throw original;
			const { crmUrl, timeoutMs } = await this.settings();
			throw await this.fail(explainNetworkError(original, crmUrl, { operation, timeoutMs }));
		}
	}

	/** Runs one webservice operation and returns its `result`, or throws the error users see. */
	async call<T = unknown>(
		operation: string,
		params: WireParams = {},
		method?: 'GET' | 'POST',
	): Promise<T> {
		const reply = await this.request(operation, params, method);
		if (reply.kind === 'success') return reply.result as T;
		const lostAgain =
			reply.kind === 'failure' && isSessionLoss(reply)
				? explainSessionLostAgain(operation, reply.code, reply.message)
				: undefined;
		throw await this.failureOf(operation, reply, params, lostAgain);
	}

	/** Vtiger's own answer, failures included, for callers that decide themselves; on `sessionName` when given. */
	async reply(
		operation: string,
		params: WireParams = {},
		sessionName?: string,
	): Promise<VtigerReply> {
		return await this.request(operation, params, undefined, sessionName);
	}

	/**
	 * Like `call`, but an HTTP 5xx answer that is not JSON (a known PHP 8 server defect of some
	 * operations, docs/vtiger-webservice.md#broken-on-php-8) goes to `onDefect` instead.
	 */
	async callOrOnDefect<T>(
		operation: string,
		params: WireParams,
		onDefect: (reply: FailedReply) => Promise<T> | T,
		sessionName?: string,
	): Promise<T> {
		const reply = await this.request(operation, params, undefined, sessionName);
		if (reply.kind === 'success') return reply.result as T;
		if (reply.kind === 'notJson' && reply.httpStatus >= 500) return await onDefect(reply);
		throw await this.failureOf(operation, reply, params);
	}

	/** The error for a failed reply, with `explained` in place of the usual sentence when given. */
	async failureOf(
		operation: string,
		reply: FailedReply,
		params: WireParams = {},
		explained?: ErrorText,
	): Promise<NodeApiError> {
		if (reply.kind === 'failure') {
			return await this.fail(
				explained ?? this.explainFailure(operation, reply.code, reply.message, params),
				{ code: reply.code },
			);
		}
		return await this.fail(explained ?? explainNotJson(operation, reply), {
			httpStatus: reply.httpStatus,
		});
	}

	/** A new session of the credential's user, apart from the credential's own. */
	async login(): Promise<VtigerLogin> {
		return await this.withLoginErrors(async () => await this.newSession());
	}

	private async newSession(): Promise<VtigerLogin> {
		const credentials = await this.credentials();
		const send = async (options: IHttpRequestOptions) =>
			(await this.ctx.helpers.httpRequest(options)) as RawHttpResponse;
		return await logIn(send, loginSettingsOf(credentials), {
			keyWorked: Boolean(credentials.userId),
		});
	}

	/** The user the credential logs in as: its name, whether it holds a session, and the ws id its login stored. */
	async credentialUser(): Promise<{ username: string; loggedIn: boolean; userId: string }> {
		const { username, sessionName, userId } = await this.credentials();
		return {
			username: String(username ?? ''),
			loggedIn: Boolean(sessionName),
			userId: String(userId ?? ''),
		};
	}

	/** Computed once per client (one node execution) under `key`; a failure is not kept. */
	async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
		let cached = this.memos.get(key) as Promise<T> | undefined;
		if (!cached) {
			cached = compute();
			cached.catch(() => this.memos.delete(key));
			this.memos.set(key, cached);
		}
		return await cached;
	}

	/** Computed once per n8n process and CRM user, kept for `lifetimeMs`; `fresh` computes again. */
	async remember<T>(
		key: string,
		lifetimeMs: number,
		compute: () => Promise<T>,
		fresh = false,
	): Promise<T> {
		return await (await this.user()).remember(key, lifetimeMs, compute, fresh);
	}

	/** The same objects with the session and access key blanked out of their texts. */
	async withoutSecrets<T extends { [K in keyof T]: string }>(objects: T[]): Promise<T[]> {
		const redact = await this.redactor();
		return objects.map(
			(o) => Object.fromEntries(Object.entries<string>(o).map(([k, v]) => [k, redact(v)])) as T,
		);
	}

	private async redactor(): Promise<(s: string) => string> {
		const secrets = await (async () => {
			const { sessionName, secretAccessKey } = await this.credentials();
			const lanes = await this.user().then(
				(user) => user.sessionNames(),
				() => [],
			);
			return [sessionName, secretAccessKey, ...lanes].filter(
				(s): s is string => typeof s === 'string' && s.length >= 4,
			);
		})().catch(() => [] as string[]);
		return (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('***'), s);
	}

	/** Builds the error users see, with secrets blanked out of everything the server sent back. */
	private async fail(
		text: ErrorText,
		context: { code?: string | number; httpStatus?: number } = {},
	): Promise<NodeApiError> {
		const redact = await this.redactor();
		const message = redact(text.message);
		const description = text.description === undefined ? undefined : redact(text.description);
		const response: JsonObject = { message };
		if (context.code !== undefined) response.code = context.code;
		return new NodeApiError(this.node, response, {
			message,
			description,
			httpCode: context.httpStatus !== undefined ? String(context.httpStatus) : undefined,
		});
	}
}
