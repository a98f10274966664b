/**
 * A tiny Vtiger webservice client of the test harness, independent of the node's transport on
 * purpose: tests use it to prepare and check data on a real CRM, so they stay a check of the node.
 */
import { createHash } from 'crypto';

export type WsRecord = Record<string, string | null>;

export class WebserviceError extends Error {
	constructor(
		readonly operation: string,
		readonly code: string,
		message: string,
	) {
		super(`${operation}: ${code} ${message}`);
	}
}

export class WebserviceClient {
	sessionName = '';
	userId = '';

	constructor(
		readonly url: string,
		private readonly username: string,
		private readonly accessKey: string,
	) {}

	private async call<T>(
		operation: string,
		parameters: Record<string, string>,
		method: 'GET' | 'POST',
	): Promise<T> {
		const body = new URLSearchParams({ operation, ...parameters });
		if (this.sessionName) body.set('sessionName', this.sessionName);
		const endpoint = `${this.url}/webservice.php`;
		const response =
			method === 'GET'
				? await fetch(`${endpoint}?${body.toString()}`)
				: await fetch(endpoint, {
						method: 'POST',
						body,
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					});
		const text = await response.text();
		let answer: { success: boolean; result?: T; error?: { code: string; message: string } };
		try {
			// 8.3.0 sends a stored control character raw inside a JSON string (docs/vtiger-webservice.md#json-encoding).
			answer = JSON.parse(text.replace(/[\u0000-\u001f]/g, ' ')) as typeof answer;
		} catch {
			throw new WebserviceError(
				operation,
				`HTTP ${response.status}`,
				text.slice(0, 200) || 'an empty body',
			);
		}
		if (!answer.success)
			throw new WebserviceError(
				operation,
				String(answer.error?.code),
				String(answer.error?.message),
			);
		return answer.result as T;
	}

	async login(): Promise<void> {
		this.sessionName = '';
		const { token } = await this.call<{ token: string }>(
			'getchallenge',
			{ username: this.username },
			'GET',
		);
		const accessKey = createHash('md5')
			.update(token + this.accessKey)
			.digest('hex');
		const result = await this.call<{ sessionName: string; userId: string }>(
			'login',
			{ username: this.username, accessKey },
			'POST',
		);
		this.sessionName = result.sessionName;
		this.userId = result.userId;
	}

	private async session<T>(
		operation: string,
		parameters: Record<string, string>,
		method: 'GET' | 'POST',
	): Promise<T> {
		if (!this.sessionName) await this.login();
		try {
			return await this.call<T>(operation, parameters, method);
		} catch (error) {
			if (!(error instanceof WebserviceError) || error.code !== 'INVALID_SESSIONID') throw error;
			await this.login();
			return await this.call<T>(operation, parameters, method);
		}
	}

	async create(module: string, element: Record<string, unknown>): Promise<WsRecord> {
		return await this.session(
			'create',
			{ elementType: module, element: JSON.stringify(element) },
			'POST',
		);
	}

	async retrieve(id: string): Promise<WsRecord> {
		return await this.session('retrieve', { id }, 'GET');
	}

	async delete(id: string): Promise<void> {
		await this.session('delete', { id }, 'POST');
	}

	async query(vtql: string): Promise<WsRecord[]> {
		return await this.session('query', { query: vtql }, 'GET');
	}

	/** Every row of `SELECT <fields> FROM <module> [WHERE ...]`, paged by id (the server caps a page at 100). */
	async queryAll(module: string, fields: string, where = ''): Promise<WsRecord[]> {
		const rows: WsRecord[] = [];
		for (let offset = 0; ; offset += 100) {
			const page = await this.query(
				`SELECT ${fields} FROM ${module}${where ? ` WHERE ${where}` : ''} ORDER BY id LIMIT ${offset}, 100;`,
			);
			rows.push(...page);
			if (page.length < 100) return rows;
		}
	}

	async describe(module: string): Promise<{
		idPrefix: string;
		labelFields: string;
		fields: Array<{ name: string; mandatory: boolean }>;
	}> {
		return await this.session('describe', { elementType: module }, 'GET');
	}
}

/** A value for a VTQL string literal. */
export const vtqlString = (value: string): string =>
	`'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
