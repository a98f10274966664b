/**
 * Module metadata loaded from the real Vtiger 8.3.0 listtypes/describe answers in ./metadata
 * (copied unchanged). Only `idPrefix` is rewritten: prefixes are shuffled per emulator start
 * (ref 5: "Never hard-code prefixes"), except Users = 19 and Groups = 20.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomInt } from 'crypto';

export interface FieldType {
	name: string;
	refersTo?: string[];
	[key: string]: unknown;
}

export interface FieldDescriptor {
	name: string;
	label: string;
	mandatory: boolean | string;
	type: FieldType;
	editable: boolean | string;
	nullable: boolean | string;
	default?: string | null;
	isunique?: boolean;
	[key: string]: unknown;
}

export interface ModuleDescribe {
	label: string;
	name: string;
	createable: boolean;
	updateable: boolean;
	deleteable: boolean;
	retrieveable: boolean;
	fields: FieldDescriptor[];
	idPrefix: string;
	isEntity: boolean;
	allowDuplicates?: boolean;
	labelFields: string;
	[key: string]: unknown;
}

interface TypeInfo {
	isEntity: boolean;
	label: string;
	singular: string;
}

const METADATA_DIR = path.join(__dirname, 'metadata');

/** Default record-number prefixes of a fresh install (vtiger_modentity_num). */
const RECORD_NUMBER_PREFIX: Record<string, string> = {
	Accounts: 'ACC', Contacts: 'CON', Leads: 'LEA', Potentials: 'POT', HelpDesk: 'TT', Campaigns: 'CAM',
	Vendors: 'VEN', Faq: 'FAQ', Quotes: 'QUO', PurchaseOrder: 'PO', SalesOrder: 'SO', Invoice: 'INV',
	PriceBooks: 'PB', Products: 'PRO', Documents: 'DOC', ServiceContracts: 'SERCON', Services: 'SER',
	Assets: 'ASSET', Project: 'PROJ', ProjectTask: 'PT', ProjectMilestone: 'PM',
};

/** labelFields are column names; these map to differently named wire fields (ref 6.2). */
const LABEL_COLUMN_TO_FIELD: Record<string, Record<string, string>> = {
	HelpDesk: { title: 'ticket_title' },
	Documents: { title: 'notes_title' },
};

export const INVENTORY_MODULES = new Set(['Quotes', 'SalesOrder', 'Invoice', 'PurchaseOrder']);

export const isTrue = (v: unknown): boolean => v === true || v === '1';

function readResult<T>(file: string): T {
	const json = JSON.parse(fs.readFileSync(path.join(METADATA_DIR, file), 'utf8')) as { result: T };
	return json.result;
}

export class Metadata {
	private readonly typeList: string[];
	private readonly information: Record<string, TypeInfo>;
	private readonly describes = new Map<string, ModuleDescribe>();
	private readonly prefixes = new Map<string, number>();
	private readonly byPrefix = new Map<number, string>();

	constructor() {
		const lt = readResult<{ types: string[]; information: Record<string, TypeInfo> }>('listtypes.json');
		this.typeList = lt.types;
		this.information = lt.information;
		for (const module of this.typeList) {
			this.describes.set(module, readResult<ModuleDescribe>(`describe-${module}.json`));
		}
		this.assignPrefixes();
	}

	private assignPrefixes(): void {
		const pool: number[] = [];
		for (let i = 1; i <= 60; i++) if (i !== 19 && i !== 20) pool.push(i);
		for (let i = pool.length - 1; i > 0; i--) {
			const j = randomInt(i + 1);
			[pool[i], pool[j]] = [pool[j], pool[i]];
		}
		let next = 0;
		for (const module of this.typeList) {
			const prefix = module === 'Users' ? 19 : module === 'Groups' ? 20 : pool[next++];
			this.prefixes.set(module, prefix);
			this.byPrefix.set(prefix, module);
		}
	}

	types(): string[] {
		return [...this.typeList];
	}

	info(module: string): TypeInfo {
		return this.information[module];
	}

	has(module: string): boolean {
		return this.describes.has(module);
	}

	isEntity(module: string): boolean {
		return this.describes.get(module)?.isEntity === true;
	}

	/** CRM modules with records in the shared crmentity id space (not Users, not actors). */
	isCrmModule(module: string): boolean {
		return this.isEntity(module) && module !== 'Users';
	}

	prefix(module: string): number {
		const p = this.prefixes.get(module);
		if (p === undefined) throw new Error(`Unknown module ${module}`);
		return p;
	}

	moduleByPrefix(prefix: number): string | undefined {
		return this.byPrefix.get(prefix);
	}

	/** The describe answer as the server sends it (deep copy, with this start's prefix). */
	describe(module: string): ModuleDescribe {
		const d = structuredClone(this.get(module));
		d.idPrefix = String(this.prefix(module));
		return d;
	}

	fields(module: string): FieldDescriptor[] {
		return this.get(module).fields;
	}

	field(module: string, name: string): FieldDescriptor | undefined {
		return this.get(module).fields.find((f) => f.name === name);
	}

	/** Real fields: everything except `id` and the string-flagged pseudo-fields (tax1, currency1, …). */
	isPseudoField(f: FieldDescriptor): boolean {
		return typeof f.mandatory === 'string';
	}

	recordNumberField(module: string): string | undefined {
		if (!RECORD_NUMBER_PREFIX[module]) return undefined;
		return this.fields(module).find((f) => f.name.endsWith('_no') && !isTrue(f.editable))?.name;
	}

	recordNumberPrefix(module: string): string {
		return RECORD_NUMBER_PREFIX[module] ?? '';
	}

	labelFieldNames(module: string): string[] {
		const map = LABEL_COLUMN_TO_FIELD[module] ?? {};
		return (this.get(module).labelFields || '')
			.split(',')
			.filter((c) => c !== '')
			.map((c) => map[c] ?? c);
	}

	/** Adds a custom entity module (as an extension module would): listed by listtypes, with its own prefix. */
	addModule(describe: ModuleDescribe, singular: string): void {
		if (this.describes.has(describe.name)) throw new Error(`Module ${describe.name} exists`);
		const free: number[] = [];
		for (let i = 61; i <= 99; i++) if (!this.byPrefix.has(i)) free.push(i);
		const prefix = free[randomInt(free.length)];
		this.typeList.splice(this.typeList.indexOf('Groups'), 0, describe.name);
		this.information[describe.name] = { isEntity: true, label: describe.label, singular };
		this.describes.set(describe.name, structuredClone(describe));
		this.prefixes.set(describe.name, prefix);
		this.byPrefix.set(prefix, describe.name);
	}

	/** Adds a field (such as a cf_ custom field); CRM modules keep `id` after the real fields. */
	addField(module: string, field: FieldDescriptor): void {
		const fields = this.get(module).fields;
		const existing = fields.findIndex((f) => f.name === field.name);
		if (existing >= 0) {
			fields[existing] = field;
			return;
		}
		const idIndex = fields.findIndex((f) => f.name === 'id');
		if (this.isEntity(module) && idIndex >= 0) fields.splice(idIndex, 0, field);
		else fields.push(field);
	}

	private get(module: string): ModuleDescribe {
		const d = this.describes.get(module);
		if (!d) throw new Error(`Unknown module ${module}`);
		return d;
	}
}
