/**
 * Which modules a user may use over the webservice (listtypes is the list every other operation
 * checks, docs/vtiger-webservice.md#listtypes). Admins may use every module. Other users may use every
 * module, or the ones their profile allows; with the 8.3.0 defect (#non-admin-users) they get only
 * the non-entity types, and every entity module answers plain ACCESS_DENIED.
 */
import { err, Msg } from './errors';
import type { Metadata } from './metadata';
import type { Caller } from './records';

export class Permissions {
	private readonly profiles = new Map<number, Set<string>>();

	constructor(
		private readonly meta: Metadata,
		private readonly nonAdminDefect: boolean,
	) {}

	/** Limits a non-admin user to these entity modules (Events comes with Calendar). */
	allow(userId: number, modules: string[]): void {
		this.profiles.set(userId, new Set(modules));
	}

	/** The listtypes `types` of this user, in the server's order. */
	types(caller: Caller): string[] {
		const all = this.meta.types();
		if (caller.isAdmin) return all;
		if (this.nonAdminDefect) return all.filter((m) => !this.meta.isEntity(m));
		const allowed = this.profiles.get(caller.userId);
		if (!allowed) return all;
		return all.filter(
			(m) =>
				!this.meta.isEntity(m) || allowed.has(m) || (m === 'Events' && allowed.has('Calendar')),
		);
	}

	permits(caller: Caller, module: string): boolean {
		return this.types(caller).includes(module);
	}

	/** An unknown name is denied "for name" (the entity lookup), a known module the user may not use plainly (the listtypes check). */
	check(caller: Caller, module: string): void {
		if (!this.meta.has(module)) throw err.accessDenied(Msg.deniedForName(module));
		if (!this.permits(caller, module)) throw err.accessDenied();
	}
}
