import type { StoreState } from '../../engine/state.ts';
import type { Profile } from './profile.ts';

/**
 * A fresh store built from a profile: its services, its counters (all closed), no tickets.
 * Used by the CLI and the bench; the server passes its own demo store state instead.
 */
export function storeFromProfile(profile: Profile, day: string, at: number): StoreState {
  return {
    settings: {
      id: `sim-${profile.name}`,
      slug: `sim-${profile.name}`,
      name: profile.name,
      timeZone: profile.timeZone,
      languages: ['en'],
      serviceLevelTargetSec: profile.serviceLevelTargetSec,
      serviceLevelGoal: profile.serviceLevelGoal,
      priorityRatio: profile.priorityRatio,
      allowPhoneJoin: true,
      autoNoShow: null,
      openingHours: {},
    },
    services: Object.fromEntries(
      profile.services.map((s, i) => [
        s.id,
        { id: s.id, code: s.code, name: { en: s.name }, sortOrder: i, active: true },
      ]),
    ),
    counters: Object.fromEntries(
      profile.counters.map((c) => [
        c.id,
        {
          id: c.id,
          name: c.name,
          serviceIds: c.serviceIds,
          status: 'closed' as const,
          statusSince: at,
          pauseReason: null,
          operatorId: null,
          currentTicketId: null,
          active: true,
        },
      ]),
    ),
    tickets: {},
    numbering: { day, lastByCode: {} },
    priorityStreaks: {},
  };
}
