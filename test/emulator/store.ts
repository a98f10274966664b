/**
 * In-memory database: CRM records share one global id sequence (docs/vtiger-webservice.md#record-ids;
 * Calendar and Events included; file attachments take ids from it too, #file-download), Users and
 * Groups share the users sequence (admin 1, groups 2-4, #users-and-groups), other actors
 * (Currency, DocumentFolders, LineItem, …) number their own rows. Also holds the many-to-many relation links and the attachments.
 */
import { Attachments } from './files';
import type { Metadata } from './metadata';
import { Links } from './relations';

export interface StoredRecord {
	module: string;
	num: number;
	values: Record<string, string>;
	deleted: boolean;
	/** The label written at the last save (from the values before MySQL cut them, trimmed). */
	label?: string;
	/** A converted lead (docs/vtiger-webservice.md#module-rules-in-queries, #lead-conversion): hidden from query, still retrievable. */
	converted?: boolean;
}

export class Store {
	private readonly crm = new Map<number, StoredRecord>();
	private readonly actors = new Map<string, Map<number, StoredRecord>>();
	private nextCrmId = 1;
	private nextUserId = 1;
	private readonly actorSeq = new Map<string, number>();
	private readonly autoNumbers = new Map<string, number>();
	readonly links = new Links();
	readonly attachments = new Attachments();

	constructor(private readonly meta: Metadata) {}

	/** An id from the crmentity sequence without a record (attachments, docs/vtiger-webservice.md#file-download). */
	allocateCrmId(): number {
		return this.nextCrmId++;
	}

	/** Users and Groups share vtiger_users_seq, so a number is never both a user and a group. */
	allocateUserOrGroupId(): number {
		return this.nextUserId++;
	}

	nextRecordNumber(module: string): string {
		const n = (this.autoNumbers.get(module) ?? 0) + 1;
		this.autoNumbers.set(module, n);
		return `${this.meta.recordNumberPrefix(module)}${n}`;
	}

	add(module: string, values: Record<string, string>, num?: number): StoredRecord {
		if (this.meta.isCrmModule(module)) {
			const id = num ?? this.nextCrmId++;
			const rec: StoredRecord = { module, num: id, values, deleted: false };
			this.crm.set(id, rec);
			return rec;
		}
		let table = this.actors.get(module);
		if (!table) this.actors.set(module, (table = new Map()));
		let id = num;
		if (id === undefined) {
			if (module === 'Users' || module === 'Groups') id = this.allocateUserOrGroupId();
			else {
				id = (this.actorSeq.get(module) ?? 0) + 1;
				this.actorSeq.set(module, id);
			}
		}
		const rec: StoredRecord = { module, num: id, values, deleted: false };
		table.set(id, rec);
		return rec;
	}

	/** Any record with that number in the module's id space, deleted or not. */
	lookup(module: string, num: number): StoredRecord | undefined {
		if (this.meta.isCrmModule(module)) return this.crm.get(num);
		return this.actors.get(module)?.get(num);
	}

	/** A live record of exactly that module. */
	live(module: string, num: number): StoredRecord | undefined {
		const rec = this.lookup(module, num);
		return rec && !rec.deleted && rec.module === module ? rec : undefined;
	}

	all(module: string): StoredRecord[] {
		const source = this.meta.isCrmModule(module)
			? this.crm.values()
			: (this.actors.get(module)?.values() ?? []);
		const out: StoredRecord[] = [];
		for (const rec of source) if (rec.module === module && !rec.deleted) out.push(rec);
		return out.sort((a, b) => a.num - b.num);
	}

	user(num: number): StoredRecord | undefined {
		return this.live('Users', num);
	}

	group(num: number): StoredRecord | undefined {
		return this.live('Groups', num);
	}

	userByName(name: string): StoredRecord | undefined {
		const lower = name.toLowerCase();
		return this.all('Users').find((u) => u.values.user_name.toLowerCase() === lower);
	}
}
