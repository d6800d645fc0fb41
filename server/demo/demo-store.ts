import { createStoreState } from '../engine/index.ts';
import type { Counter, Service, StoreSettings, StoreState } from '../engine/state.ts';

/** The store every fresh install starts with, so each app has something to show. */
export function demoStoreState(now: number): StoreState {
  const settings: StoreSettings = {
    id: 'demo',
    slug: 'demo',
    name: 'Linecast Demo Store',
    nameByLanguage: { en: 'Linecast Demo Store', 'zh-Hans': 'Linecast 演示门店' },
    timeZone: 'Asia/Shanghai',
    languages: ['en', 'zh-Hans'],
    serviceLevelTargetSec: 300,
    serviceLevelGoal: 0.8,
    priorityRatio: 2,
    allowPhoneJoin: true,
    autoNoShow: null,
    openingHours: Object.fromEntries(
      ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => [d, { open: '10:00', close: '22:00' }]),
    ),
  };
  const services: Service[] = [
    { id: 'pickup', code: 'A', name: { en: 'Pick-up', 'zh-Hans': '取货' }, sortOrder: 1, active: true },
    { id: 'returns', code: 'B', name: { en: 'Returns', 'zh-Hans': '退换货' }, sortOrder: 2, active: true },
    {
      id: 'personalisation',
      code: 'C',
      name: { en: 'Personalisation', 'zh-Hans': '个性化定制' },
      sortOrder: 3,
      active: true,
    },
  ];
  const all = services.map((s) => s.id);
  const counter = (id: string, name: string, serviceIds: string[]): Counter => ({
    id,
    name,
    serviceIds,
    status: 'closed',
    statusSince: now,
    pauseReason: null,
    operatorId: null,
    currentTicketId: null,
    active: true,
  });
  return createStoreState(settings, services, [
    counter('c1', 'Counter 1', all),
    counter('c2', 'Counter 2', all),
    counter('c3', 'Counter 3', ['pickup']),
    counter('c4', 'Counter 4', ['returns']),
  ]);
}
