/**
 * Record semantics, as docs/vtiger-webservice.md has them: ws id parsing (#record-ids),
 * create/update/revise/delete validation and storage (#values, #record-operations), and the record
 * shape returned by retrieve and by query (#empty-values, #references-and-owners, #html-entities,
 * #query-answers), with the extras of files (#file-download), inventory line items
 * (#inventory-retrieve) and product prices (#product-taxes-and-prices).
 */
import { formatDateTime, type Clock } from './clock';
import { err, Msg, RestrictedFile, WsError } from './errors';
import { imageAttachmentIds } from './files';
import { presentInventory } from './inventory';
import { INVENTORY_MODULES, isTrue, type FieldDescriptor, type Metadata } from './metadata';
import { applyPriceFields, priceFields, PRICED_MODULES } from './products';
import type { Store, StoredRecord } from './store';
import { emptyValue, htmlEntities, mysqlNumber, phpString, storeValue } from './values';

const DAY_MS = 86400000;
/** Columns that are NULL until set: "" on retrieve, null on query (observed on 8.3.0). */
const NULL_COLUMNS: Record<string, string[]> = {
	Documents: ['filedownloadcount'],
	Emails: ['access_count', 'click_count'],
	ServiceContracts: ['progress'],
	CompanyDetails: ['logo', 'vatid'],
	Calendar: ['reminder_time'],
};
/** Empty time fields stored as "" rather than NULL (query returns ""). */
const EMPTY_STRING_TIMES: Record<string, string[]> = { Calendar: ['time_end'] };
/** Fields that query returns but retrieve does not (observed on 8.3.0). */
const NOT_RETRIEVED: Record<string, string[]> = { Tax: ['compoundon', 'regions'] };
/** Fields not in describe that 8.3.0 returns anyway (admin), with the value of a new record. */
const HIDDEN_FIELDS: Record<string, Record<string, null>> = { HelpDesk: { update_log: null } };
/** Describe fields that retrieve does not return on 8.3.0. */
const OMITTED_FIELDS: Record<string, string[]> = { Emails: ['filename'] };
/** Emails keeps its address lists JSON-encoded (docs/vtiger-webservice.md#emails). */
const JSON_LIST_FIELDS = ['saved_toid', 'ccmail', 'bccmail'];

export interface Caller {
	userId: number;
	isAdmin: boolean;
}

export interface ParsedId {
	module: string;
	num: number;
	/** The id as echoed back by the server (`12x03` stays `12x03`, docs/vtiger-webservice.md#record-ids). */
	echo: string;
}

export type WriteMode = 'create' | 'update' | 'revise';
export type Shape = 'retrieve' | 'query';

/** Fields the server maintains itself; client values are ignored (docs/vtiger-webservice.md#sending-values). */
const SYSTEM_FIELDS = new Set(['id', 'createdtime', 'modifiedtime', 'modifiedby', 'creator']);
/** Modules with duplicate prevention enabled on a fresh install (docs/vtiger-webservice.md#duplicate-prevention). */
const DUPLICATE_PREVENTION = new Set(['Accounts']);
/** Empty references that retrieve returns as "" instead of null (docs/vtiger-webservice.md#empty-values). */
const EMPTY_STRING_REFERENCES: Record<string, string[]> = {
	Calendar: ['parent_id', 'contact_id'],
	Events: ['parent_id', 'contact_id'],
	Users: ['reports_to_id'],
	Quotes: ['potential_id'],
	Emails: ['parent_id'],
	Project: ['linktoaccountscontacts'],
	PBXManager: ['customer', 'user'],
};
/** Users fields never returned on 8.3.0 (docs/vtiger-webservice.md#users-and-groups). */
const HIDDEN_USER_FIELDS = new Set(['user_password', 'confirm_password', 'accesskey']);
/** Actor key columns returned by retrieve besides `id` (docs/vtiger-webservice.md#retrieve). */
const ACTOR_KEY_COLUMN: Record<string, string> = {
	Groups: 'groupid',
	DocumentFolders: 'folderid',
	Tax: 'taxid',
};

/** A PHP-array `LineItems` value: a JSON array or object; anything else counts as empty. */
export function lineItemList(v: unknown): unknown[] {
	if (Array.isArray(v)) return v;
	return v && typeof v === 'object' ? Object.values(v) : [];
}

const isEmptyInput = (v: unknown): boolean => v === undefined || v === null || v === '';
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export class Records {
	constructor(
		private readonly meta: Metadata,
		private readonly store: Store,
		private readonly clock: Clock,
		/** 8.3.0's id check rejects every inventory create (docs/vtiger-webservice.md#inventory-create); 8.2.0 saves them. */
		private readonly inventoryCreateWorks = false,
	) {}

	// ---- ids -------------------------------------------------------------------------------

	/** `abc`/`x12x3`/unknown prefix → denied for id; bare number → denied; `12X3` → incorrect (docs/vtiger-webservice.md#record-ids). */
	parseId(
		raw: string | undefined,
		whenMissing: () => WsError = () => err.accessDenied(Msg.deniedForId),
	): ParsedId {
		if (raw === undefined || raw === '') throw whenMissing();
		const head = /^\s*(\d+)/.exec(raw);
		if (!head) throw err.accessDenied(Msg.deniedForId);
		const module = this.meta.moduleByPrefix(Number(head[1]));
		if (!module) throw err.accessDenied(Msg.deniedForId);
		const rest = raw.slice(head[0].length);
		if (rest === '') throw err.accessDenied();
		const tail = /^x(\d+)(x.*)?$/.exec(rest);
		if (!tail) throw err.invalidId();
		return { module, num: Number(tail[1]), echo: `${head[1]}x${tail[1]}` };
	}

	/** Missing/deleted → ACCESS_DENIED (docs/vtiger-webservice.md#missing-records); other module → INVALID_ID_ATTRIBUTE. */
	resolve(id: ParsedId): StoredRecord {
		const rec = this.store.lookup(id.module, id.num);
		if (!rec || rec.deleted) throw err.accessDenied();
		if (rec.module !== id.module) throw err.invalidId();
		return rec;
	}

	wsId(module: string, num: number): string {
		return `${this.meta.prefix(module)}x${num}`;
	}

	// ---- reading ---------------------------------------------------------------------------

	/** Output value of one field; `query` returns NULL columns as null (docs/vtiger-webservice.md#empty-values). */
	formatValue(rec: StoredRecord, f: FieldDescriptor, shape: Shape): string | null {
		const v = rec.values[f.name];
		switch (f.type.name) {
			case 'reference': {
				if (rec.module === 'Users' && f.name === 'roleid') return v ?? '';
				if (!v) {
					if (shape === 'query') return null;
					return EMPTY_STRING_REFERENCES[rec.module]?.includes(f.name) ? '' : null;
				}
				return this.referenceOut(f.type.refersTo ?? [], Number(v));
			}
			case 'owner':
				return v ? this.ownerOut(Number(v)) : shape === 'query' ? null : '';
			case 'date':
			case 'time':
			case 'datetime':
				return v
					? v
					: shape === 'query' && !EMPTY_STRING_TIMES[rec.module]?.includes(f.name)
						? null
						: '';
			default:
				if (v === '' && NULL_COLUMNS[rec.module]?.includes(f.name))
					return shape === 'query' ? null : '';
				return v ?? emptyValue(f.name, f.type.name, this.meta.column(rec.module, f.name));
		}
	}

	/** First module of refersTo holding the record; deleted/missing target → null (docs/vtiger-webservice.md#references-and-owners). */
	private referenceOut(refersTo: string[], num: number): string | null {
		for (const module of refersTo) {
			if (!this.meta.has(module)) continue;
			if (this.store.live(module, num)) return this.wsId(module, num);
		}
		return null;
	}

	/** Owners are stored as a bare number; unknown ones read back without prefix (docs/vtiger-webservice.md#references-and-owners). */
	ownerOut(num: number): string {
		if (this.store.user(num)) return this.wsId('Users', num);
		if (this.store.group(num)) return this.wsId('Groups', num);
		return String(num);
	}

	visibleFields(module: string): FieldDescriptor[] {
		return this.meta
			.fields(module)
			.filter(
				(f) =>
					!this.meta.isPseudoField(f) &&
					!(module === 'Users' && HIDDEN_USER_FIELDS.has(f.name)) &&
					!OMITTED_FIELDS[module]?.includes(f.name),
			);
	}

	/** Fields not in describe that 8.3.0 returns anyway (retrieve, SELECT *). */
	hiddenFields(rec: StoredRecord, as: string = rec.module): Record<string, string | null> {
		const out: Record<string, string | null> = {};
		for (const [name, value] of Object.entries(HIDDEN_FIELDS[as] ?? {}))
			out[name] = rec.values[name] ?? value;
		return out;
	}

	label(rec: StoredRecord): string {
		return rec.label ?? this.computeLabel(rec.module, rec.values);
	}

	/** The label fields joined, trimmed, HTML-entity-encoded (docs/vtiger-webservice.md#html-entities). */
	private computeLabel(module: string, values: Record<string, string>): string {
		return htmlEntities(
			this.meta
				.labelFieldNames(module)
				.map((n) => values[n] ?? '')
				.filter((v) => v !== '')
				.join(' ')
				.trim(),
		);
	}

	/**
	 * The record as retrieve/create/update/revise return it (docs/vtiger-webservice.md#create, #retrieve). `as` presents it as
	 * another module (a Calendar create that became an event still answers as Calendar).
	 */
	present(
		rec: StoredRecord,
		echoId?: string,
		as: string = rec.module,
	): Record<string, string | null> {
		const out: Record<string, string | null> = {};
		const id = echoId ?? this.wsId(as, rec.num);
		let idWritten = false;
		const shown = as === rec.module ? rec : { ...rec, module: as };
		for (const f of this.visibleFields(as)) {
			if (NOT_RETRIEVED[as]?.includes(f.name)) continue;
			if (f.name === 'id') {
				out.id = id;
				idWritten = true;
			} else out[f.name] = this.formatValue(shown, f, 'retrieve');
		}
		Object.assign(out, this.hiddenFields(rec, as));
		if (!idWritten) out.id = id;
		const key = ACTOR_KEY_COLUMN[rec.module];
		if (key) out[key] = String(rec.num);
		if (this.meta.isCrmModule(rec.module)) out.label = this.label(rec);
		return out;
	}

	/**
	 * `present` plus the extras the operations answer with (docs/vtiger-webservice.md): `imageattachmentids`
	 * after `id` (#file-download), Products/Services prices after `label` (#product-taxes-and-prices),
	 * inventory `LineItems` (#inventory-retrieve; `write` answers of update/revise repeat the first
	 * line at the top level, #line-item-writes).
	 */
	presentFull(
		rec: StoredRecord,
		echoId?: string,
		purpose: 'retrieve' | 'write' = 'retrieve',
		as?: string,
	): Record<string, unknown> {
		const base = this.present(rec, echoId, as);
		const files = imageAttachmentIds(this.meta, this.store, rec);
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(base)) {
			out[k] = v;
			if (k === 'id' && files) out.imageattachmentids = files;
		}
		if (PRICED_MODULES.has(rec.module)) Object.assign(out, priceFields(this.meta, rec));
		if (INVENTORY_MODULES.has(rec.module))
			presentInventory(this.meta, this.store, rec, out, purpose);
		return out;
	}

	// ---- writing ---------------------------------------------------------------------------

	create(caller: Caller, module: string, element: Record<string, unknown>): StoredRecord {
		if (!this.meta.isEntity(module) && !caller.isAdmin)
			throw err.accessDenied('Permission to write is denied');
		// LineItems is checked first ("Mandatory Fields Missing..", docs/vtiger-webservice.md#inventory-create).
		if (INVENTORY_MODULES.has(module) && lineItemList(element.LineItems).length === 0) {
			throw new WsError('MANDATORY_FIELDS_MISSING', 'Mandatory Fields Missing..');
		}
		this.checkMandatory(module, element, 'create');
		const values = this.blankValues(module);
		const uncut = this.apply(caller, module, element, 'create', values);
		// A module where the owner is optional gives the record to the caller.
		if (this.meta.field(module, 'assigned_user_id') && !values.assigned_user_id)
			values.assigned_user_id = String(caller.userId);
		if (PRICED_MODULES.has(module))
			applyPriceFields(this.meta, this.store, module, element, values);
		this.checkDuplicate(module, values, undefined);
		// 8.3.0 rejects every inventory create and Users create after validation (docs/vtiger-webservice.md#inventory-create, #create).
		if ((INVENTORY_MODULES.has(module) && !this.inventoryCreateWorks) || module === 'Users')
			throw err.invalidId();
		const now = formatDateTime(this.clock.now());
		values.createdtime = now;
		values.modifiedtime = now;
		values.modifiedby = String(caller.userId);
		if (this.meta.field(module, 'creator')) values.creator = String(caller.userId);
		if (!values.source && this.meta.field(module, 'source')) values.source = 'WEBSERVICE';
		if (module === 'PBXManager') Object.assign(values, { CreatedTime: now, ModifiedTime: now });
		const numberField = this.meta.recordNumberField(module);
		if (numberField) values[numberField] = this.store.nextRecordNumber(module);
		this.computed(module, values);
		const rec = this.store.add(this.effectiveModule(module, values), values);
		rec.label = this.computeLabel(module, { ...values, ...uncut });
		this.checkOwnerFile(values);
		return rec;
	}

	/** Values the server derives on every save (durations as in docs/vtiger-webservice.md#calendar-and-events, Potentials forecast). */
	private computed(module: string, values: Record<string, string>): void {
		if (module === 'Calendar' || module === 'Events') {
			// Activity::save_module: start to end (time_end, else the day after due_date, 00:00).
			const start = Date.parse(
				`${values.date_start}T${values.time_start || '00:00'}Z`.replace(
					/T(\d\d:\d\d)Z$/,
					'T$1:00Z',
				),
			);
			const end = values.time_end
				? Date.parse(`${values.due_date}T${values.time_end}Z`.replace(/T(\d\d:\d\d)Z$/, 'T$1:00Z'))
				: Date.parse(`${values.due_date}T00:00:00Z`) + DAY_MS;
			if (Number.isFinite(start) && Number.isFinite(end)) {
				const seconds = Math.trunc((end - start) / 1000);
				values.duration_hours = String(Math.trunc(seconds / 3600));
				values.duration_minutes = String(Math.trunc((seconds % 3600) / 60));
			}
		}
		if (module === 'Potentials') {
			values.forecast_amount = (
				(mysqlNumber(values.amount ?? '') * mysqlNumber(values.probability ?? '')) /
				100
			).toFixed(8);
		}
	}

	/** 8.3.0 saves a record owned by an unknown user id, then dies on its missing privileges file. */
	private checkOwnerFile(values: Record<string, string>): void {
		const owner = values.assigned_user_id;
		if (owner && !this.store.user(Number(owner)) && !this.store.group(Number(owner)))
			throw new RestrictedFile();
	}

	update(
		caller: Caller,
		rec: StoredRecord,
		element: Record<string, unknown>,
		mode: 'update' | 'revise',
	): StoredRecord {
		if (!this.meta.isEntity(rec.module) && !caller.isAdmin) throw err.accessDenied();
		this.checkMandatory(rec.module, element, mode);
		const values = { ...rec.values };
		const uncut = this.apply(caller, rec.module, element, mode, values);
		if (PRICED_MODULES.has(rec.module))
			applyPriceFields(this.meta, this.store, rec.module, element, values);
		this.checkDuplicate(rec.module, values, rec.num);
		values.modifiedtime = formatDateTime(this.clock.now());
		if (rec.module === 'PBXManager') values.ModifiedTime = values.modifiedtime;
		if (this.meta.field(rec.module, 'modifiedby')) values.modifiedby = String(caller.userId);
		this.computed(rec.module, values);
		rec.values = values;
		rec.label = this.computeLabel(rec.module, { ...values, ...uncut });
		rec.module = this.effectiveModule(rec.module, values);
		this.checkOwnerFile(values);
		return rec;
	}

	delete(caller: Caller, rec: StoredRecord): void {
		if (rec.module === 'Users') throw err.accessDenied();
		if (!this.meta.isEntity(rec.module) && !caller.isAdmin) throw err.accessDenied();
		rec.deleted = true;
		rec.values.modifiedtime = formatDateTime(this.clock.now());
	}

	/** Direct seeding without validation: defaults, times and owner admin when missing. */
	seed(module: string, fields: Record<string, string>): StoredRecord {
		const values = this.blankValues(module);
		for (const f of this.meta.fields(module)) {
			if (!has(fields, f.name) || f.name === 'id') continue;
			const v = fields[f.name];
			if (f.type.name === 'reference' || f.type.name === 'owner') {
				const m = /x(\d+)$/.exec(v);
				values[f.name] = m ? m[1] : v;
			} else if (
				['createdtime', 'modifiedtime', 'source'].includes(f.name) ||
				f.type.name === 'string' ||
				f.type.name === 'text'
			) {
				values[f.name] = v;
			} else values[f.name] = storeValue(f.name, f.type.name, v);
		}
		const now = formatDateTime(this.clock.now());
		values.createdtime ||= now;
		values.modifiedtime ||= values.createdtime;
		if (this.meta.field(module, 'assigned_user_id')) values.assigned_user_id ||= '1';
		if (this.meta.field(module, 'modifiedby')) values.modifiedby ||= '1';
		if (this.meta.field(module, 'source')) values.source ||= 'WEBSERVICE';
		const numberField = this.meta.recordNumberField(module);
		if (numberField && !values[numberField])
			values[numberField] = this.store.nextRecordNumber(module);
		if (PRICED_MODULES.has(module) && fields.currency_id)
			values.currency_id = /(\d+)$/.exec(fields.currency_id)?.[1] ?? '';
		return this.store.add(this.effectiveModule(module, values), values);
	}

	private blankValues(module: string): Record<string, string> {
		const values: Record<string, string> = {};
		for (const f of this.meta.fields(module)) {
			if (f.name === 'id' || this.meta.isPseudoField(f)) continue;
			values[f.name] = NULL_COLUMNS[module]?.includes(f.name)
				? ''
				: emptyValue(f.name, f.type.name, this.meta.column(module, f.name));
		}
		// An event created without a reminder reads back "0", a later write without it ""
		// (docs/vtiger-webservice.md#calendar-and-events).
		if (module === 'Events' || module === 'Calendar')
			values.reminder_time = module === 'Events' ? '0' : '';
		return values;
	}

	/** An activity is a Calendar task only when activitytype is "Task" (docs/vtiger-webservice.md#calendar-and-events). */
	private effectiveModule(module: string, values: Record<string, string>): string {
		if (module !== 'Calendar' && module !== 'Events') return module;
		return values.activitytype === 'Task' ? 'Calendar' : 'Events';
	}

	/** First missing mandatory field in describe order; "0" is a value (docs/vtiger-webservice.md#create, #update, #revise). */
	private checkMandatory(module: string, element: Record<string, unknown>, mode: WriteMode): void {
		for (const f of this.meta.fields(module)) {
			if (f.mandatory !== true || !isTrue(f.editable)) continue;
			if (
				module === 'Users' &&
				mode !== 'create' &&
				(f.type.name === 'password' || f.name === 'roleid')
			)
				continue;
			const present = has(element, f.name);
			if (mode === 'revise' && !present) continue;
			if (!present || isEmptyInput(element[f.name])) throw err.mandatory(f.name);
		}
	}

	/** Writes the supplied fields into `values`; returns the text values MySQL cut (for the label). */
	private apply(
		caller: Caller,
		module: string,
		element: Record<string, unknown>,
		mode: WriteMode,
		values: Record<string, string>,
	): Record<string, string> {
		const uncut: Record<string, string> = {};
		for (const f of this.meta.fields(module)) {
			const supplied = has(element, f.name);
			if (module === 'Events' && f.name === 'reminder_time' && mode !== 'create' && !supplied)
				values.reminder_time = '';
			if (!supplied || SYSTEM_FIELDS.has(f.name)) continue;
			const raw = element[f.name];
			if (f.name === 'source') {
				if (mode === 'create' && phpString(raw) !== '') values.source = phpString(raw);
				continue;
			}
			if (!isTrue(f.editable) || this.meta.isPseudoField(f) || f.type.name === 'password') continue;
			switch (f.type.name) {
				case 'reference': {
					const s = phpString(raw);
					if (module === 'Users' && f.name === 'roleid') values.roleid = s;
					else if (s === '') {
						if (mode === 'revise') values[f.name] = '';
					} else values[f.name] = this.referenceIn(f, s);
					break;
				}
				case 'owner':
					values[f.name] = this.ownerIn(caller, phpString(raw));
					break;
				default:
					if (module === 'Events' && f.name === 'reminder_time') {
						const seconds = mysqlNumber(phpString(raw));
						values.reminder_time = seconds > 0 ? String(Math.ceil(seconds / 60)) : '';
					} else {
						const column = this.meta.column(module, f.name);
						values[f.name] = storeValue(f.name, f.type.name, raw, column);
						if (column.maxLength !== undefined) {
							const full = storeValue(f.name, f.type.name, raw);
							if (full !== values[f.name]) uncut[f.name] = full;
						}
					}
			}
		}
		if (module === 'Emails') {
			for (const name of JSON_LIST_FIELDS) {
				if (mode === 'create' || has(element, name))
					values[name] = JSON.stringify([values[name] ?? '']);
			}
		}
		return uncut;
	}

	/** No `x` or module outside refersTo → REFERENCE_INVALID; unknown prefix → denied for id (docs/vtiger-webservice.md#references-and-owners). */
	private referenceIn(f: FieldDescriptor, s: string): string {
		const x = s.indexOf('x');
		if (x < 0) throw err.referenceInvalid(f.name);
		const prefix = s.slice(0, x);
		const target = /^\d+$/.test(prefix) ? this.meta.moduleByPrefix(Number(prefix)) : undefined;
		if (!target) throw err.accessDenied(Msg.deniedForId);
		const refersTo = f.type.refersTo ?? [];
		if (!refersTo.includes(target)) throw err.referenceInvalid(f.name);
		const num = s.slice(x + 1);
		if (!/^\d+$/.test(num)) throw err.referenceInvalid(f.name);
		return String(Number(num));
	}

	/** Admins are not validated beyond the ws id shape; others only self or a group (docs/vtiger-webservice.md#references-and-owners). */
	private ownerIn(caller: Caller, s: string): string {
		// vtws_getIdComponents: a value that is neither a number nor holds an id such as 19x1 is an incorrect id.
		if (!/^\d+$/.test(s) && !/\d+x\d+/.test(s)) throw err.invalidId();
		const m = /^(\d+)x(\d+)$/.exec(s);
		if (!m) throw err.invalidId();
		const num = Number(m[2]);
		if (!caller.isAdmin) {
			const module = this.meta.moduleByPrefix(Number(m[1]));
			const ok =
				(module === 'Users' && num === caller.userId) ||
				(module === 'Groups' && !!this.store.group(num));
			if (!ok) throw err.accessDenied(Msg.cannotAssign);
		}
		return String(num);
	}

	/** Case-insensitive, untrimmed comparison on the isunique fields (docs/vtiger-webservice.md#duplicate-prevention). */
	private checkDuplicate(
		module: string,
		values: Record<string, string>,
		self: number | undefined,
	): void {
		if (!DUPLICATE_PREVENTION.has(module)) return;
		const unique = this.meta.fields(module).filter((f) => f.isunique === true);
		if (unique.length === 0) return;
		for (const other of this.store.all(module)) {
			if (other.num === self) continue;
			if (
				unique.every(
					(f) =>
						(other.values[f.name] ?? '').toLowerCase() === (values[f.name] ?? '').toLowerCase(),
				)
			) {
				throw err.duplicate();
			}
		}
	}
}
