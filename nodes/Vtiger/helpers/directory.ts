import type { VtigerClient } from '../transport/client';
import { queryAll } from '../vtql/paging';
import type { Owners } from './values';

export interface Owner {
	id: string;
	name: string;
	kind: 'user' | 'group';
	userName?: string;
	email?: string;
}

/** Active users and groups that can own records, read once per execution. */
export async function owners(client: VtigerClient): Promise<Owner[]> {
	return await client.memo('owners', async () => {
		const [users, groups] = await Promise.all([
			queryAll(client, {
				module: 'Users',
				fields: ['user_name', 'first_name', 'last_name', 'email1'],
			}),
			queryAll(client, { module: 'Groups', fields: ['groupname'] }),
		]);
		return [
			...users.map((u) => ({
				id: String(u.id),
				name: [u.first_name, u.last_name].filter(Boolean).join(' ') || String(u.user_name),
				kind: 'user' as const,
				userName: String(u.user_name ?? ''),
				email: String(u.email1 ?? ''),
			})),
			...groups.map((g) => ({
				id: String(g.id),
				name: String(g.groupname),
				kind: 'group' as const,
			})),
		];
	});
}

/** Resolves what a user typed for an owner: a ws id, a user name, an e-mail or a group name. */
export function ownerResolver(client: VtigerClient): Owners {
	return {
		resolve: async (value: string) => {
			const wanted = value.trim().toLowerCase();
			const all = await owners(client);
			const match =
				all.find((o) => o.id === wanted) ??
				all.find((o) => o.userName?.toLowerCase() === wanted) ??
				all.find((o) => o.email?.toLowerCase() === wanted) ??
				all.find((o) => o.name.toLowerCase() === wanted);
			return match?.id;
		},
	};
}
