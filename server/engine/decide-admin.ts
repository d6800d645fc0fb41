import type { Command } from './commands.ts';
import { accept, reject } from './decision.ts';
import type { Decision } from './rejection.ts';
import type { Counter, Millis, StoreState } from './state.ts';
import { serviceProblem, settingsProblem } from './validate-settings.ts';

/** New store settings; id and slug stay as they are. */
export function decideUpdateSettings(
  state: StoreState,
  command: Extract<Command, { type: 'update_settings' }>,
  now: Millis,
): Decision {
  const problem = settingsProblem(command.settings);
  if (problem) return reject('invalid_settings', problem);
  const { id, slug } = state.settings;
  return accept({ type: 'store:updated', at: now, settings: { ...command.settings, id, slug } });
}

/** Adds or changes a service. Deactivating one keeps its waiting tickets in line. */
export function decideUpsertService(
  state: StoreState,
  command: Extract<Command, { type: 'upsert_service' }>,
  now: Millis,
): Decision {
  const problem = serviceProblem(state, command.service);
  if (problem) return reject('invalid_settings', problem);
  return accept({ type: 'service:updated', at: now, service: command.service });
}

/** Adds or changes a counter; a new one starts closed, a deactivated one closes. */
export function decideUpsertCounter(
  state: StoreState,
  command: Extract<Command, { type: 'upsert_counter' }>,
  now: Millis,
): Decision {
  const { id, name, serviceIds, active } = command.counter;
  if (id.trim() === '' || name.trim() === '') return reject('invalid_settings', 'A counter needs an id and a name.');
  if (serviceIds.length === 0 || new Set(serviceIds).size !== serviceIds.length) {
    return reject('invalid_settings', 'A counter serves one or more services, each listed once.');
  }
  const unknown = serviceIds.find((serviceId) => !state.services[serviceId]);
  if (unknown) return reject('unknown_service', `There is no service "${unknown}" in this store.`);
  const existing = state.counters[id];
  if (existing?.currentTicketId && !active) {
    return reject('counter_busy', `Counter ${existing.name} must finish its current ticket before it is deactivated.`);
  }
  const base: Counter = existing ?? {
    id,
    name,
    serviceIds,
    status: 'closed',
    statusSince: now,
    pauseReason: null,
    operatorId: null,
    currentTicketId: null,
    active,
  };
  const counter: Counter = { ...base, name, serviceIds: [...serviceIds], active };
  if (!active && counter.status !== 'closed') {
    Object.assign(counter, { status: 'closed', statusSince: now, pauseReason: null, operatorId: null });
  }
  return accept({ type: 'counter:updated', at: now, counter });
}
