import { VtigerConnection } from './connection';
import type { ListTypesResult, ModuleDescription, VtigerRecord } from './types';
import { normaliseCrmUrl } from './url';
import type { FilePart, WireParams } from './wire';

const FIELD_NAMES_LIFETIME_MS = 10 * 60 * 1000;

/**
 * The operations the node uses, typed, on top of the connection. `listtypes` and `describe` are
 * kept for the life of the client (one node execution).
 */
export class VtigerClient extends VtigerConnection {
	/** The same conversation on another lane, sharing this client's cache. */
	onLane(lane: number): VtigerClient {
		return lane === this.lane
			? this
			: new VtigerClient(this.ctx, this.explainFailure, lane, this.memos);
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
		return await this.remember(
			`fields:${module}`,
			FIELD_NAMES_LIFETIME_MS,
			async () => new Set((await this.describe(module)).fields.map((f) => f.name)),
			fresh,
		);
	}

	/** The CRM's base URL as the credential gives it, normalised (for links to records). */
	async crmUrl(): Promise<string> {
		return normaliseCrmUrl((await this.settings()).crmUrl);
	}

	/** With `file`, a multipart create whose file part Vtiger stores as the document's file. */
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
}
