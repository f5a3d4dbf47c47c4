import { adminClient } from './db/clients';
import type { Json } from './db/types';

/**
 * Writes an audit entry for events that happen before RLS knows anyone (sign-in) or that are
 * the server's own doing. Acts on behalf of someone are logged by the database itself.
 */
export async function logAction(action: string, actorId: string | null, details: Json = {}): Promise<void> {
	// admin client: the audit log has no insert policy, nobody writes it through the API
	await adminClient().from('audit_log').insert({ action, actor_id: actorId, details });
}
