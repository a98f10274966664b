import { createHash, randomInt } from 'crypto';
import { sleep, type ICredentialDataDecryptedObject, type IHttpRequestOptions } from 'n8n-workflow';

import { explainNetworkError, explainNoModules, explainNotJson, type ErrorText } from '../errors';
import { parseReply, type RawHttpResponse } from '../response';
import { timeoutMs } from '../timeout';
import { buildRequest, type WireParams } from '../wire';

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

/** The login settings a credential holds. */
export function loginSettingsOf(credentials: ICredentialDataDecryptedObject): LoginSettings {
	return {
		crmUrl: String(credentials.url ?? ''),
		username: String(credentials.username ?? ''),
		accessKey: String(credentials.secretAccessKey ?? ''),
		ignoreSslIssues: credentials.ignoreSslIssues === true,
		timeoutMs: timeoutMs(credentials.timeout),
	};
}

/** Failure to obtain a session: carries a sentence for people and Vtiger's code when there is one. */
export class VtigerLoginError extends Error {
	readonly description?: string;
	// Not named `code`: n8n's credential test shows an error's `cause.code` instead of its message.
	readonly vtigerCode?: string | number;
	/** A key that had not worked before was rejected at once (a race was not ruled out). */
	readonly firstRejection: boolean;

	constructor(text: ErrorText, vtigerCode?: string | number, firstRejection = false) {
		super(text.message);
		this.name = 'VtigerLoginError';
		this.description = text.description;
		this.vtigerCode = vtigerCode;
		this.firstRejection = firstRejection;
	}
}

export function isLoginError(error: unknown): error is VtigerLoginError {
	return error instanceof Error && error.name === 'VtigerLoginError';
}

// A retry after a lost race waits a random pause that doubles each time up to a cap, so that
// processes that failed together spread out.
const LOGIN_ATTEMPTS = 8;
const MAX_RETRY_PAUSE_MS = 800;

/** One login: getchallenge, then login with md5(token + access key). */
export class Login {
	constructor(
		private readonly send: PlainHttpRequest,
		private readonly settings: LoginSettings,
		private readonly endpoint: string,
	) {}

	/**
	 * `mayRace`: the key has worked before, so a rejection may mean that another process asked for
	 * this user's token between our getchallenge and login (docs/vtiger-webservice.md#login-race).
	 * Vtiger answers a lost race and a wrong key alike, so only then is a rejected pair repeated.
	 */
	async run(mayRace: boolean): Promise<VtigerLogin> {
		for (let attempt = 0; ; attempt++) {
			const token = await this.challenge();
			const login = await this.call('login', {
				username: this.settings.username,
				accessKey: createHash('md5')
					.update(token + this.settings.accessKey, 'utf8')
					.digest('hex'),
			});
			if (login.kind === 'success') return await this.sessionFrom(login.result);
			const lostRace =
				login.code === 'INVALID_AUTH_TOKEN' ||
				(login.code === 'INVALID_USER_CREDENTIALS' && mayRace);
			if (!lostRace || attempt === LOGIN_ATTEMPTS - 1) {
				const first = login.code === 'INVALID_USER_CREDENTIALS' && !mayRace;
				throw new VtigerLoginError(this.rejection(login.code, login.message), login.code, first);
			}
			await sleep(randomInt(1, Math.min(50 * 2 ** attempt, MAX_RETRY_PAUSE_MS) + 1));
		}
	}

	private async call(operation: string, params: WireParams) {
		const { timeoutMs, ignoreSslIssues } = this.settings;
		const options = {
			...buildRequest(this.endpoint, operation, params),
			skipSslCertificateValidation: ignoreSslIssues === true,
			timeout: timeoutMs,
		};
		const response = await this.send(options).catch(
			(error: unknown) =>
				new VtigerLoginError(explainNetworkError(error, this.endpoint, { operation, timeoutMs })),
		);
		if (response instanceof VtigerLoginError) throw response;
		const reply = parseReply(response);
		if (reply.kind === 'notJson') throw new VtigerLoginError(explainNotJson(operation, reply));
		return reply;
	}

	private async challenge(): Promise<string> {
		const { username } = this.settings;
		const challenge = await this.call('getchallenge', { username });
		if (challenge.kind === 'failure') {
			const text = /username does not exists/.test(challenge.message)
				? {
						message: `Vtiger does not know the user "${username}"`,
						description: `Check the user name in the credential (the Vtiger login name, not the e-mail). Vtiger said: "${challenge.message}"`,
					}
				: saidBy(challenge.code, challenge.message, 'getchallenge');
			throw new VtigerLoginError(text, challenge.code);
		}
		const token = (challenge.result as { token?: unknown } | null)?.token;
		if (typeof token !== 'string' || token === '') {
			throw new VtigerLoginError({
				message: 'The server answered "getchallenge" without a token: it does not look like Vtiger',
			});
		}
		return token;
	}

	private rejection(code: string | number, message: string): ErrorText {
		const { username } = this.settings;
		if (code === 'INVALID_USER_CREDENTIALS') {
			return {
				message: `Vtiger rejected the access key of user "${username}"`,
				description:
					'Copy the access key again from Vtiger (My Preferences > User Advanced Options > Access Key). An inactive user is rejected the same way, and so is a login at the very moment another program logs in as the same user (then running again helps).',
			};
		}
		if (code === 'ACCESSKEY_UNDEFINED') {
			return {
				message: 'This Vtiger user has no access key',
				description: `Create one in the user's preferences, or use another user. Vtiger said: "${message}"`,
			};
		}
		return saidBy(code, message, 'login');
	}

	private async sessionFrom(result: unknown): Promise<VtigerLogin> {
		const login = result as Partial<Record<keyof VtigerLogin | 'is_admin', unknown>> | null;
		if (typeof login?.sessionName !== 'string' || login.sessionName === '') {
			throw new VtigerLoginError({
				message: 'The server answered "login" without a session: it does not look like Vtiger',
			});
		}
		const session = {
			sessionName: login.sessionName,
			userId: String(login.userId ?? ''),
			version: String(login.version ?? ''),
			vtigerVersion: String(login.vtigerVersion ?? ''),
		};
		if (login.is_admin !== 'on') await this.checkSomeModule(session);
		return session;
	}

	/** A user who is not an admin may be let use no module at all (Vtiger 8.3.0 does so to every such user). */
	private async checkSomeModule(session: VtigerLogin) {
		const reply = await this.call('listtypes', { sessionName: session.sessionName });
		if (reply.kind !== 'success') return;
		const { information } = (reply.result ?? {}) as {
			information?: Record<string, { isEntity?: unknown } | null>;
		};
		if (Object.values(information ?? {}).some((type) => type?.isEntity === true)) return;
		throw new VtigerLoginError(explainNoModules(this.settings.username, session.vtigerVersion));
	}
}

const saidBy = (code: string | number, message: string, operation: string): ErrorText => ({
	message: message || `Vtiger answered with error ${code}`,
	description: `Vtiger said: "${message}" (code ${code}, operation ${operation})`,
});
