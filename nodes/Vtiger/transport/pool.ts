import type { VtigerLogin } from './session';

/**
 * Extra sessions for parallel requests. Vtiger handles the requests of one session one at a time
 * (PHP session locking, reference 4.5), so lane k > 0 uses its own session. They are kept for the
 * life of the n8n process per credential and CRM user, so later executions reuse them.
 */
const lanesByUser = new Map<string, Array<Promise<VtigerLogin> | undefined>>();

export async function laneSession(
	key: string,
	lane: number,
	login: () => Promise<VtigerLogin>,
	renew: boolean,
): Promise<VtigerLogin> {
	const lanes = lanesByUser.get(key) ?? [];
	lanesByUser.set(key, lanes);
	let session = lanes[lane];
	if (!session || renew) {
		session = login();
		lanes[lane] = session;
		session.catch(() => {
			if (lanes[lane] === session) lanes[lane] = undefined;
		});
	}
	return await session;
}

/** Session names of the lanes, to blank them out of error texts. */
export async function laneSessionNames(key: string): Promise<string[]> {
	const settled = await Promise.allSettled((lanesByUser.get(key) ?? []).filter(Boolean) as Array<Promise<VtigerLogin>>);
	return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.sessionName] : []));
}
