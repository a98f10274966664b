/**
 * The CRM side of a test bed: what tests prepare and check in the CRM, around the node under test.
 * One implementation over the emulator's own methods, one over raw webservice calls to a real
 * Vtiger (test/harness/webservice.ts, not the node's transport).
 */
import { randomBytes } from 'crypto';

import type { VtigerEmulator } from '../emulator';
import type { RealTarget } from './target';
import { vtqlString, WebserviceClient, WebserviceError, type WsRecord } from './webservice';

export type { WsRecord };

export interface CrmSide {
	readonly kind: 'emulator' | 'real';
	/**
	 * Prefix for the names of records a test creates: '' on the emulator, unique per run on a real
	 * CRM, where afterAll deletes every record whose name starts with it.
	 */
	readonly tag: string;
	/** The credential user's id (19x1 for the admin). */
	readonly userId: string;
	/** Creates a record (on the emulator: seeds it without validation); returns its id. */
	insert(module: string, values: Record<string, string>): Promise<string>;
	/** The live records of a module; with `taggedField`, on a real CRM only those whose field starts with the tag. */
	records(module: string, taggedField?: string): Promise<WsRecord[]>;
	/** The record as retrieve shows it, or undefined when it does not exist (any more). */
	retrieve(id: string): Promise<WsRecord | undefined>;
	idPrefix(module: string): Promise<string>;
	/**
	 * A user who is not an admin: on the emulator the user "sales" it adds on the first call (start
	 * it with nonAdminDefect for the 8.3.0 defect), on a real CRM the VTIGER_NONADMIN_* user.
	 */
	nonAdminUser(): { username: string; accessKey: string };
	/** The id (20xN) of a group by name. */
	groupId(name: string): Promise<string>;
	delete(id: string): Promise<void>;
	/**
	 * Moves past the CRM clock's current second (modifiedtime has one-second resolution): the
	 * emulator's clock is moved on by one second, a real CRM is waited for (1.1 s).
	 */
	nextSecond(): Promise<void>;
	/** Conditions of a Get Many or Count that keep it to this run's records: none on the emulator. */
	scope(field: string): Array<{ field: string; operator: string; value: string }>;
	/** Records the node created (ids in its output), deleted by cleanup on a real CRM. */
	track(ids: string[]): void;
	/** Deletes what this run created on a real CRM; nothing to do on the emulator. */
	cleanup(): Promise<void>;
}

/** The name fields the cleanup sweeps for the tag, per module a test may create records in. */
const TAGGED_FIELDS: Record<string, string[]> = {
	Contacts: ['lastname'],
	Leads: ['lastname'],
	Accounts: ['accountname'],
	Documents: ['notes_title'],
	HelpDesk: ['ticket_title'],
	Calendar: ['subject'],
	ModComments: ['commentcontent'],
};

interface EmulatorInternals {
	backend: {
		records: {
			parseId(id: string): unknown;
			resolve(id: unknown): { deleted: boolean };
			present(rec: unknown): WsRecord;
		};
	};
}

export function emulatorCrm(emulator: VtigerEmulator): CrmSide {
	const internals = (emulator as unknown as EmulatorInternals).backend.records;
	const find = (id: string) => {
		try {
			const rec = internals.resolve(internals.parseId(id));
			return rec.deleted ? undefined : rec;
		} catch {
			return undefined;
		}
	};
	const sales = { username: 'sales', accessKey: 'SalesKey12345678' };
	let salesAdded = false;
	return {
		kind: 'emulator',
		tag: '',
		userId: '19x1',
		insert: async (module, values) => emulator.insert(module, values),
		records: async (module) => emulator.records(module),
		retrieve: async (id) => {
			const rec = find(id);
			return rec && internals.present(rec);
		},
		idPrefix: async (module) => emulator.idPrefix(module),
		nonAdminUser: () => {
			if (!salesAdded) emulator.addUser(sales);
			salesAdded = true;
			return sales;
		},
		groupId: async (name) => {
			const group = emulator.records('Groups').find((g) => g.groupname === name);
			if (!group) throw new Error(`No group ${name}`);
			return String(group.id);
		},
		delete: async (id) => {
			const rec = find(id);
			if (rec) rec.deleted = true;
		},
		nextSecond: async () => emulator.clock.advance(1),
		scope: () => [],
		track: () => undefined,
		cleanup: async () => undefined,
	};
}

export async function realCrm(target: RealTarget): Promise<CrmSide> {
	const ws = new WebserviceClient(target.url, target.username, target.accessKey);
	await ws.login();
	const tag = `T${Date.now().toString(36)}${randomBytes(2).toString('hex')}-`;
	const created = new Set<string>();
	const prefixes = new Map<string, string>();
	const idPrefix = async (module: string) => {
		if (!prefixes.has(module)) prefixes.set(module, String((await ws.describe(module)).idPrefix));
		return prefixes.get(module)!;
	};
	const deleteQuietly = async (id: string) => {
		try {
			await ws.delete(id);
		} catch (error) {
			// Already deleted (by the test) answers ACCESS_DENIED on 8.3.0 (docs/vtiger-webservice.md#missing-records).
			if (!(error instanceof WebserviceError)) throw error;
		}
	};
	return {
		kind: 'real',
		tag,
		userId: ws.userId,
		insert: async (module, values) => {
			const record = await ws.create(module, { assigned_user_id: ws.userId, ...values });
			created.add(String(record.id));
			return String(record.id);
		},
		records: async (module, taggedField) =>
			await ws.queryAll(
				module,
				'*',
				taggedField ? `${taggedField} LIKE ${vtqlString(`${tag}%`)}` : '',
			),
		retrieve: async (id) => {
			try {
				return await ws.retrieve(id);
			} catch (error) {
				if (error instanceof WebserviceError && error.code === 'ACCESS_DENIED') return undefined;
				throw error;
			}
		},
		idPrefix,
		nonAdminUser: () => {
			if (!target.nonAdmin) {
				throw new Error(
					'This test needs a user who is not an admin: set VTIGER_NONADMIN_USERNAME and VTIGER_NONADMIN_ACCESS_KEY (npm run vtiger:up writes them)',
				);
			}
			return target.nonAdmin;
		},
		groupId: async (name) => {
			const [group] = await ws.query(
				`SELECT id FROM Groups WHERE groupname = ${vtqlString(name)};`,
			);
			if (!group) throw new Error(`No group ${name}`);
			return String(group.id);
		},
		delete: async (id) => await ws.delete(id),
		nextSecond: async () => await new Promise((resolve) => setTimeout(resolve, 1100)),
		scope: (field) => [{ field, operator: 'startsWith', value: tag }],
		track: (ids) => {
			for (const id of ids) created.add(id);
		},
		cleanup: async () => {
			// Only records of the modules tests create in: never users, groups, folders or currencies.
			const deletable = new Set(await Promise.all(Object.keys(TAGGED_FIELDS).map(idPrefix)));
			for (const id of created) if (deletable.has(id.split('x')[0])) await deleteQuietly(id);
			for (const [module, fields] of Object.entries(TAGGED_FIELDS)) {
				for (const field of fields) {
					const rows = await ws.queryAll(module, 'id', `${field} LIKE ${vtqlString(`${tag}%`)}`);
					for (const row of rows) await deleteQuietly(String(row.id));
				}
			}
		},
	};
}
