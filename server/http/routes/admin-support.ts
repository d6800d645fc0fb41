import type { Context } from 'hono';
import type { AdminStoreDto } from '../../../shared/api/admin-schemas.ts';
import type { Command } from '../../engine/commands.ts';
import type { StoreState } from '../../engine/state.ts';
import { compareCounters, compareServices, counterDto, serviceDto } from '../../line/views.ts';
import type { AuditEntry } from '../../store/audit-repository.ts';
import type { AppEnv } from '../deps.ts';
import { rejectionError } from '../http-error.ts';

/** Everything the admin pages show of a store: settings plus every service and counter, inactive ones too. */
export function adminStoreDto(state: StoreState): AdminStoreDto {
  const services = Object.values(state.services).sort(compareServices);
  const counters = Object.values(state.counters).sort(compareCounters);
  return {
    settings: state.settings,
    services: services.map(serviceDto),
    counters: counters.map((counter) => ({ ...counterDto(state, counter), active: counter.active })),
  };
}

/**
 * Runs a configuration command through the engine (so it is an event) with its audit entry in
 * the same transaction, or answers its rejection (which writes neither).
 */
export async function configure(
  c: Context<AppEnv>,
  storeId: string,
  command: Command,
  action: string,
  details: unknown,
): Promise<StoreState> {
  const result = await c.get('deps').lines.dispatch(storeId, command, auditBy(c, storeId, action, details));
  if (!result.ok) throw rejectionError(result.rejection);
  return result.state;
}

/** The audit entry of an admin change by the signed-in caller, now. */
export function auditBy(c: Context<AppEnv>, storeId: string | null, action: string, details: unknown): AuditEntry {
  return { storeId, actorId: c.get('user')?.id ?? null, action, details, at: c.get('deps').lines.now() };
}
