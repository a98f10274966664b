import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import {
	explainFailure,
	explainNetworkError,
	explainNotJson,
	explainSessionLostAgain,
	SESSION_ERROR_CODES,
	type ErrorText,
} from './errors';
import { parseReply, type RawHttpResponse, type VtigerReply } from './response';
import { rememberedFieldNames, rememberFieldNames } from './fieldNames';
import { laneSession, laneSessionNames } from './pool';
import { loginToVtiger, type VtigerLogin } from './session';
import { timeoutMs } from './timeout';
import { normaliseCrmUrl, webserviceUrl } from './url';
import { buildRequest, httpMethodOf, type FilePart, type WireParams } from './wire';

export type VtigerContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'vtigerApi';

export type VtigerRecord = Record<string, unknown>;

export interface ListTypesResult {
	types: string[];
	information: Record<string, { isEntity?: boolean; label?: string; singular?: string }>;
}

export interface FieldDescription {
	name: string;
	label: string;
	mandatory: boolean | string;
	type: { name: string; [key: string]: unknown };
	editable?: boolean | string;
	[key: string]: unknown;
}

export interface ModuleDescription {
	name: string;
	label: string;
	idPrefix: string;
	isEntity: boolean;
	labelFields?: string;
	fields: FieldDescription[];
	[key: string]: unknown;
}

interface ErrorContext {
	code?: string | number;
	httpStatus?: number;
}

function isLoginError(
	error: unknown,
): error is Error & { description?: string; vtigerCode?: string | number } {
	return error instanceof Error && error.name === 'VtigerLoginError';
}

/**
 * One conversation with the Vtiger of the node's credential. The session lives in the credential
 * (n8n's preAuthentication), so executions share it; a dead session is replaced once per request.
 * `listtypes` and `describe` are cached for the lifetime of the client (one node execution).
 */
export class VtigerClient {
	constructor(
		private readonly ctx: VtigerContext,
		/** Lane 0 uses the credential's session; lane k > 0 an extra session of its own (parallel requests). */
		private readonly lane = 0,
		private readonly memos = new Map<string, Promise<unknown>>(),
	) {}

	/** The same conversation on another lane, sharing this client's cache. */
	onLane(lane: number): VtigerClient {
		return lane === this.lane ? this : new VtigerClient(this.ctx, lane, this.memos);
	}

	/** Credential, CRM and user: the key of what the process keeps (lane sessions, field names); read once per execution. */
	private async poolKey(): Promise<string> {
		return await this.memo('poolKey', async () => {
			const { url, username } = await this.ctx.getCredentials(CREDENTIAL_TYPE);
			return `${this.node.credentials?.[CREDENTIAL_TYPE]?.id ?? ''}\n${String(url)}\n${String(username).toLowerCase()}`;
		});
	}

	private get node(): INode {
		return this.ctx.getNode();
	}

	private async secrets(): Promise<string[]> {
		const credentials = await this.ctx.getCredentials(CREDENTIAL_TYPE);
		const lanes = laneSessionNames(await this.poolKey());
		return [credentials.sessionName, credentials.secretAccessKey, ...lanes].filter(
			(s): s is string => typeof s === 'string' && s.length >= 4,
		);
	}

	private async redactor(): Promise<(s: string) => string> {
		const secrets = await this.secrets().catch(() => [] as string[]);
		return (s: string) => secrets.reduce((acc, secret) => acc.split(secret).join('***'), s);
	}

	/** The same objects with the session and access key blanked out of their texts. */
	async withoutSecrets<T extends { [K in keyof T]: string }>(objects: T[]): Promise<T[]> {
		const redact = await this.redactor();
		return objects.map(
			(o) => Object.fromEntries(Object.entries<string>(o).map(([k, v]) => [k, redact(v)])) as T,
		);
	}

	/** Builds the error users see, with secrets blanked out of everything the server sent back. */
	private async fail(text: ErrorText, context: ErrorContext = {}): Promise<NodeApiError> {
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

	private async send(
		operation: string,
		options: IHttpRequestOptions,
		freshSession: boolean,
	): Promise<RawHttpResponse> {
		let extra;
		if (freshSession) {
			const ref = this.node.credentials?.[CREDENTIAL_TYPE];
			const data: ICredentialDataDecryptedObject = await this.ctx.getCredentials(CREDENTIAL_TYPE);
			// An empty expirable field makes n8n run preAuthentication (a new login) and store the result.
			extra = {
				credentialsDecrypted: {
					id: ref?.id ?? '',
					name: ref?.name ?? '',
					type: CREDENTIAL_TYPE,
					data: { ...data, sessionName: '' },
				},
			};
		}
		try {
			return (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				CREDENTIAL_TYPE,
				options,
				extra,
			)) as RawHttpResponse;
		} catch (error) {
			const original = (error as { cause?: unknown }).cause ?? error;
			if (isLoginError(original)) {
				throw await this.fail(
					{ message: original.message, description: original.description },
					{ code: original.vtigerCode },
				);
			}
			const { url, timeout } = await this.ctx.getCredentials(CREDENTIAL_TYPE);
			throw await this.fail(
				explainNetworkError(original, String(url ?? ''), {
					operation,
					timeoutMs: timeoutMs(timeout),
				}),
			);
		}
	}

	private async exchange(
		operation: string,
		params: WireParams,
		method = httpMethodOf(operation),
	): Promise<VtigerReply> {
		if (this.lane > 0) return await this.exchangeOnLane(operation, params, method);
		let reply = parseReply(
			await this.send(operation, buildRequest('/webservice.php', operation, params, method), false),
		);
		if (reply.kind === 'failure' && SESSION_ERROR_CODES.has(reply.code)) {
			reply = parseReply(
				await this.send(
					operation,
					buildRequest('/webservice.php', operation, params, method),
					true,
				),
			);
		}
		return reply;
	}

	private async exchangeOnLane(
		operation: string,
		params: WireParams,
		method: 'GET' | 'POST',
	): Promise<VtigerReply> {
		const key = await this.poolKey();
		const login = async () => await this.openSession();
		let session = await laneSession(key, this.lane, login);
		let reply = await this.replyWithSession(operation, session.sessionName, params, method);
		if (reply.kind === 'failure' && SESSION_ERROR_CODES.has(reply.code)) {
			session = await laneSession(key, this.lane, login, session.sessionName);
			reply = await this.replyWithSession(operation, session.sessionName, params, method);
		}
		return reply;
	}

	/** Runs one webservice operation with the credential's session and returns its `result`. */
	async call<T = unknown>(
		operation: string,
		params: WireParams = {},
		method?: 'GET' | 'POST',
	): Promise<T> {
		const reply = await this.exchange(operation, params, method);
		if (reply.kind === 'success') return reply.result as T;
		if (reply.kind === 'failure') {
			const text = SESSION_ERROR_CODES.has(reply.code)
				? explainSessionLostAgain(operation, reply.code, reply.message)
				: explainFailure(operation, reply.code, reply.message, params);
			throw await this.fail(text, { code: reply.code });
		}
		throw await this.fail(explainNotJson(operation, reply), { httpStatus: reply.httpStatus });
	}

	/** Like `call`, but hands back Vtiger's own answer, failures included, for callers that decide themselves. */
	async reply(operation: string, params: WireParams = {}): Promise<VtigerReply> {
		return await this.exchange(operation, params);
	}

	async listTypes(): Promise<ListTypesResult> {
		return await this.memo('listtypes', async () => {
			const r = await this.call<ListTypesResult>('listtypes');
			return {
				types: r.types ?? [],
				information: Array.isArray(r.information) ? {} : (r.information ?? {}),
			};
		});
	}

	async describe(module: string): Promise<ModuleDescription> {
		return await this.memo(
			`describe:${module}`,
			async () => await this.call<ModuleDescription>('describe', { elementType: module }),
		);
	}

	/**
	 * The module's field names, as this process last saw them (`fresh` asks describe again): a field
	 * an admin just added is found by asking again before a name is called unknown.
	 */
	async fieldNames(module: string, fresh = false): Promise<Set<string>> {
		const key = `${await this.poolKey()}\n${module}`;
		const known = fresh ? undefined : rememberedFieldNames(key);
		if (known) return known;
		const names = new Set((await this.describe(module)).fields.map((f) => f.name));
		rememberFieldNames(key, names);
		return names;
	}

	/** Computes `compute` once per client (one node execution) under `key`; a failure is not kept. */
	async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
		let cached = this.memos.get(key) as Promise<T> | undefined;
		if (!cached) {
			cached = compute();
			cached.catch(() => this.memos.delete(key));
			this.memos.set(key, cached);
		}
		return await cached;
	}

	/** The CRM's base URL as the credential gives it, normalised (for links to records). */
	async crmUrl(): Promise<string> {
		const { url } = await this.ctx.getCredentials(CREDENTIAL_TYPE);
		return normaliseCrmUrl(String(url ?? ''));
	}

	/** With `file`, a multipart create whose file part Vtiger stores as the document's file (reference 13.1). */
	async create(module: string, element: VtigerRecord, file?: FilePart): Promise<VtigerRecord> {
		const params: WireParams = { elementType: module, element: JSON.stringify(element) };
		if (file) params.filename = file;
		return await this.call('create', params);
	}

	async retrieve(id: string): Promise<VtigerRecord> {
		return await this.call('retrieve', { id });
	}

	async revise(element: VtigerRecord): Promise<VtigerRecord> {
		return await this.call('revise', { element: JSON.stringify(element) });
	}

	async update(element: VtigerRecord): Promise<VtigerRecord> {
		return await this.call('update', { element: JSON.stringify(element) });
	}

	async delete(id: string): Promise<void> {
		await this.call('delete', { id });
	}

	async query(vtql: string): Promise<VtigerRecord[]> {
		const rows = await this.call<VtigerRecord[] | null>('query', { query: vtql });
		return Array.isArray(rows) ? rows : [];
	}

	/** The ws id of the user the credential logs in as (known from the login; asked once per execution). */
	async currentUserId(): Promise<string> {
		return await this.memo('userId', async () => {
			let { userId } = await this.ctx.getCredentials(CREDENTIAL_TYPE);
			if (typeof userId !== 'string' || userId === '') {
				await this.send('listtypes', buildRequest('/webservice.php', 'listtypes', {}), true);
				({ userId } = await this.ctx.getCredentials(CREDENTIAL_TYPE));
			}
			return String(userId);
		});
	}

	/** A new session, independent of the credential's own (for workflows that manage sessions). */
	async openSession(): Promise<VtigerLogin> {
		const credentials = await this.ctx.getCredentials(CREDENTIAL_TYPE);
		const outcome = await loginToVtiger(async (options) => await this.plainRequest(options), {
			crmUrl: String(credentials.url ?? ''),
			username: String(credentials.username ?? ''),
			accessKey: String(credentials.secretAccessKey ?? ''),
			ignoreSslIssues: credentials.ignoreSslIssues === true,
			timeoutMs: timeoutMs(credentials.timeout),
		}).catch((error: unknown) => error);
		if (isLoginError(outcome)) {
			throw await this.fail(
				{ message: outcome.message, description: outcome.description },
				{ code: outcome.vtigerCode },
			);
		}
		if (outcome instanceof Error) throw outcome;
		return outcome as VtigerLogin;
	}

	/** One operation on an explicitly given session instead of the credential's. */
	async replyWithSession(
		operation: string,
		sessionName: string,
		params: WireParams = {},
		method = httpMethodOf(operation),
	): Promise<VtigerReply> {
		const { url, ignoreSslIssues, timeout } = await this.ctx.getCredentials(CREDENTIAL_TYPE);
		const endpoint = webserviceUrl(String(url ?? ''));
		if (endpoint instanceof Error) throw await this.fail({ message: endpoint.message });
		const options = {
			...buildRequest(endpoint, operation, { ...params, sessionName }, method),
			skipSslCertificateValidation: ignoreSslIssues === true,
			timeout: timeoutMs(timeout),
		};
		try {
			return parseReply(await this.plainRequest(options));
		} catch (error) {
			throw await this.fail(
				explainNetworkError(error, endpoint, { operation, timeoutMs: options.timeout }),
			);
		}
	}

	private async plainRequest(options: IHttpRequestOptions): Promise<RawHttpResponse> {
		return (await this.ctx.helpers.httpRequest(options)) as RawHttpResponse;
	}

	/** Turns a non-success reply into the same error `call` would throw, or into `explained` when the caller knows better. */
	async failureOf(
		operation: string,
		reply: Exclude<VtigerReply, { kind: 'success' }>,
		params: WireParams = {},
		explained?: ErrorText,
	): Promise<NodeApiError> {
		if (reply.kind === 'failure') {
			return await this.fail(
				explained ?? explainFailure(operation, reply.code, reply.message, params),
				{ code: reply.code },
			);
		}
		return await this.fail(explained ?? explainNotJson(operation, reply), {
			httpStatus: reply.httpStatus,
		});
	}
}
