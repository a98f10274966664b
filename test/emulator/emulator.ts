/**
 * The emulator facade used by tests: starts the HTTP server and exposes test controls and seeding
 * helpers (records, inventory documents with line items, uploaded Documents files).
 */
import { randomInt } from 'crypto';
import { Clock, formatDateTime } from './clock';
import { seedDemoData, seedDemoInventory } from './demo-data';
import { Faults, type FaultKind, type FaultSpec, type RandomFaults } from './faults';
import { computeTotals, replaceLines } from './inventory';
import { INVENTORY_MODULES, Metadata, type FieldDescriptor, type ModuleDescribe } from './metadata';
import type { Backend, VtigerVersion } from './operations';
import { Permissions } from './permissions';
import { QueryEngine } from './query';
import { Records } from './records';
import { WebserviceServer, type LoggedRequest } from './server';
import { Sessions } from './sessions';
import { Store } from './store';
import { addUserRecord, seedDirectory, type NewUser } from './users';

export interface EmulatorOptions {
	/** Default 0 = random free port; always listens on 127.0.0.1. */
	port?: number;
	/** Delay added to every request, default 0. */
	latencyMs?: number;
	/**
	 * Default 8: sync, logout, convertlead, files_retrieve, retrieve_inventory answer HTTP 500, and
	 * inventory update/revise with LineItems answer HTTP 500 after saving (docs/vtiger-webservice.md#broken-on-php-8, #line-item-writes).
	 * 7: logout, convertlead and files_retrieve work, inventory line writes recompute totals
	 * (sync and retrieve_inventory are not emulated and still answer HTTP 500).
	 */
	phpVersion?: 7 | 8;
	/**
	 * Default 8.3.0: every inventory create fails with INVALID_ID_ATTRIBUTE (docs/vtiger-webservice.md#inventory-create).
	 * 8.2.0: inventory creates save the record and its lines (with PHP 8 the request then dies like an
	 * update, #line-item-writes).
	 */
	vtigerVersion?: VtigerVersion;
	/** PHP's upload_max_filesize, default 2 MB (PHP's default): larger uploads are silently dropped (docs/vtiger-webservice.md#document-upload). */
	uploadMaxFileSize?: number;
	/** Default false: `SELECT count(*)` answers [] as on 8.3.0; true: `[{"count":"N"}]` (older versions). */
	countWorks?: boolean;
	/** Default 1440 (PHP session.gc_maxlifetime). */
	sessionIdleSeconds?: number;
	/** Seed the demo data set at start. */
	demoData?: boolean;
	/** Fixed admin access key (default: random 16 alphanumerics). */
	accessKey?: string;
	/**
	 * The 8.3.0 defect for users who are not admins (docs/vtiger-webservice.md#non-admin-users): their
	 * listtypes holds only the 7 non-entity types and every entity module answers ACCESS_DENIED.
	 * Default false: non-admins may use every module, or those given to addUser as `modules`.
	 */
	nonAdminDefect?: boolean;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAccessKey(): string {
	let s = '';
	for (let i = 0; i < 16; i++) s += ALNUM[randomInt(ALNUM.length)];
	return s;
}

export class VtigerEmulator {
	readonly username = 'admin';
	readonly accessKey: string;
	readonly clock: {
		now(): Date;
		set(d: Date): void;
		advance(seconds: number): void;
		useRealTime(): void;
	};
	private urlValue = '';
	private readonly backend: Backend;
	private readonly faults = new Faults();
	private readonly server: WebserviceServer;

	private constructor(options: EmulatorOptions) {
		const clock = new Clock();
		const meta = new Metadata();
		const store = new Store(meta);
		const vtigerVersion = options.vtigerVersion ?? '8.3.0';
		const records = new Records(meta, store, clock, vtigerVersion === '8.2.0');
		this.backend = {
			meta,
			store,
			records,
			clock,
			sessions: new Sessions(clock, options.sessionIdleSeconds ?? 1440),
			queries: new QueryEngine(meta, store, records, options.countWorks ?? false),
			permissions: new Permissions(meta, options.nonAdminDefect ?? false),
			phpVersion: options.phpVersion ?? 8,
			vtigerVersion,
			uploadMaxFileSize: options.uploadMaxFileSize ?? 2 * 1024 * 1024,
		};
		this.clock = clock;
		this.accessKey = options.accessKey ?? randomAccessKey();
		seedDirectory(store, this.accessKey);
		if (options.demoData) seedDemoData(records, clock);
		if (options.demoData) seedDemoInventory(this);
		this.server = new WebserviceServer(this.backend, this.faults);
		this.server.latencyMs = options.latencyMs ?? 0;
	}

	static async start(options: EmulatorOptions = {}): Promise<VtigerEmulator> {
		const emulator = new VtigerEmulator(options);
		const port = await emulator.server.listen(options.port ?? 0);
		emulator.urlValue = `http://127.0.0.1:${port}`;
		return emulator;
	}

	/** Base URL; the webservice is at url + '/webservice.php'. */
	get url(): string {
		return this.urlValue;
	}

	/** Every request, in arrival order. */
	get requests(): LoggedRequest[] {
		return this.server.requests;
	}

	clearRequests(): void {
		this.server.requests.length = 0;
	}

	count(operation: string): number {
		const op = operation.toLowerCase();
		return this.server.requests.filter((r) => r.operation === op).length;
	}

	/** Adds a user; without accessKey its login fails with ACCESSKEY_UNDEFINED. Returns 19xN. */
	addUser(u: NewUser): string {
		const rec = addUserRecord(this.backend.store, u);
		if (u.modules) this.backend.permissions.allow(rec.num, u.modules);
		return this.backend.records.wsId('Users', rec.num);
	}

	killAllSessions(): void {
		this.backend.sessions.killAll();
	}

	/** Runs `action` once `requests` more requests have been answered (to change data in the middle of a walk). */
	afterRequests(requests: number, action: () => void): void {
		this.server.afterRequests(requests, action);
	}

	/**
	 * Resolves once the server has had no request open for `quietMs` (default 50): after a request
	 * the client gave up on, the time the server still takes, and any request sent after it.
	 */
	async settled(quietMs = 50): Promise<void> {
		await this.server.settled(quietMs);
	}

	/** Changes fields of a record directly, as a save in the CRM would: modifiedtime becomes the clock's now. */
	touch(id: string, fields: Record<string, string> = {}): void {
		const rec = this.backend.records.resolve(this.backend.records.parseId(id));
		for (const [name, value] of Object.entries(fields)) rec.values[name] = value;
		rec.values.modifiedtime = formatDateTime(this.clock.now());
	}

	/** Kills every live session once `requests` more requests have been answered. */
	killSessionsAfter(requests: number): void {
		this.server.afterRequests(requests, () => this.killAllSessions());
	}

	setSessionIdleSeconds(s: number): void {
		this.backend.sessions.idleSeconds = s;
	}

	setLatency(ms: number): void {
		this.server.latencyMs = ms;
	}

	injectFault(f: FaultSpec): void {
		this.faults.add(f);
	}

	/** From now on each request fails with probability `rate` (see faults.ts for what each kind saves); undefined stops it. */
	randomFailures(r: RandomFaults | undefined): void {
		this.faults.setRandom(r);
	}

	/** The random faults injected so far, in order. */
	get injectedFaults(): ReadonlyArray<{ operation: string; kind: FaultKind }> {
		return this.faults.injected;
	}

	/** Seeds a record directly (no validation); returns its ws id. */
	insert(module: string, fields: Record<string, string>): string {
		if (!this.backend.meta.has(module)) throw new Error(`Unknown module ${module}`);
		const rec = this.backend.records.seed(module, fields);
		return this.backend.records.wsId(rec.module, rec.num);
	}

	/**
	 * Seeds an inventory document (Quotes, SalesOrder, Invoice, PurchaseOrder) with line items, as
	 * if created in the UI (webservice create always fails on 8.3.0, docs/vtiger-webservice.md#inventory-create). Lines take
	 * `productid` (Products/Services ws id), `quantity`, `listprice`, `discount_percent`,
	 * `discount_amount`, `comment`, `tax1`…; header totals are computed unless given. Returns the ws id.
	 */
	insertInventory(
		module: string,
		header: Record<string, string>,
		lineItems: Array<Record<string, string>>,
	): string {
		if (!INVENTORY_MODULES.has(module)) throw new Error(`${module} is not an inventory module`);
		const { records, store } = this.backend;
		const rec = records.seed(module, {
			hdnTaxType: 'group',
			currency_id: `${this.idPrefix('Currency')}x1`,
			...header,
			productid: header.productid ?? lineItems[0]?.productid ?? '',
		});
		rec.values.conversion_rate = Number(header.conversion_rate ?? 1).toFixed(3);
		rec.values.hdnDiscountPercent = header.hdnDiscountPercent
			? Number(header.hdnDiscountPercent).toFixed(3)
			: '';
		replaceLines(store, rec, lineItems);
		const sent = { ...rec.values };
		computeTotals(store, rec);
		for (const name of ['hdnSubTotal', 'pre_tax_total', 'hdnGrandTotal'])
			if (header[name] !== undefined) rec.values[name] = sent[name];
		return records.wsId(rec.module, rec.num);
	}

	/** The current file of a document (the upload stored under its `filename`), for byte comparisons. */
	attachment(
		documentId: string,
	): { fileName: string; mimeType: string; bytes: Buffer } | undefined {
		const num = Number(/x(\d+)$/.exec(documentId)?.[1]);
		const doc = this.backend.store.lookup('Documents', num);
		if (!doc || doc.module !== 'Documents') return undefined;
		const files = this.backend.store.attachments.of(num);
		const file = files.find((f) => f.fileName === doc.values.filename) ?? files[0];
		return (
			file && { fileName: file.fileName, mimeType: file.mimeType, bytes: Buffer.from(file.bytes) }
		);
	}

	/** Live (not deleted) records as retrieve shows them. */
	records(module: string): Array<Record<string, string | null>> {
		return this.backend.store.all(module).map((r) => this.backend.records.present(r));
	}

	idPrefix(module: string): string {
		return String(this.backend.meta.prefix(module));
	}

	/** Adds a custom entity module from a describe-like object (name, label, fields, labelFields). */
	addModule(module: {
		name: string;
		label: string;
		singular: string;
		labelFields: string;
		fields: object[];
	}): void {
		const idField = {
			name: 'id',
			label: 'id',
			mandatory: false,
			type: { name: 'autogenerated' },
			editable: false,
			nullable: false,
			default: '',
		};
		this.backend.meta.addModule(
			{
				label: module.label,
				name: module.name,
				createable: true,
				updateable: true,
				deleteable: true,
				retrieveable: true,
				fields: [...(module.fields as FieldDescriptor[]), idField],
				idPrefix: '',
				isEntity: true,
				allowDuplicates: false,
				labelFields: module.labelFields,
			} as unknown as ModuleDescribe,
			module.singular,
		);
	}

	addField(module: string, field: object): void {
		const f = field as Partial<FieldDescriptor>;
		if (typeof f.name !== 'string' || typeof f.type?.name !== 'string')
			throw new Error('field needs name and type.name');
		const defaults = {
			mandatory: false,
			editable: true,
			nullable: true,
			default: '',
			label: f.name,
			isunique: false,
		};
		this.backend.meta.addField(module, { ...defaults, ...f } as FieldDescriptor);
	}

	stop(): Promise<void> {
		return this.server.close();
	}
}
