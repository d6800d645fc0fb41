import { describe, expect, it } from 'vitest';
import type { CounterDto, QueueSnapshot, StorePublicConfig } from '../../shared/domain.ts';
import { serviceRows } from '../../signage/src/board-model.ts';

const config = {
  services: [
    { id: 'pickup', code: 'A', name: { en: 'Pick-up' }, sortOrder: 1, active: true },
    { id: 'returns', code: 'B', name: { en: 'Returns' }, sortOrder: 2, active: true },
  ],
} as unknown as StorePublicConfig;

const counter = (id: string, serviceIds: string[], status: CounterDto['status']) =>
  ({ id, name: id, serviceIds, status }) as CounterDto;

const queue = (counters: CounterDto[]) =>
  ({ counters, waits: {}, waitingByService: { pickup: 0, returns: 0 } }) as unknown as QueueSnapshot;

describe('the board\'s "waiting now" rows', () => {
  it('promise "No wait" only where an open counter serves the service', () => {
    const rows = serviceRows(
      config,
      queue([counter('c3', ['pickup'], 'open'), counter('c4', ['returns'], 'paused')]),
      'en',
    );
    expect(rows.map((r) => r.waitText)).toEqual(['No wait', 'No counter open yet']);
  });

  it('say in each language that no counter is open yet', () => {
    const none = queue([counter('c1', ['pickup', 'returns'], 'closed')]);
    expect(serviceRows(config, none, 'zh-Hans').map((r) => r.waitText)).toEqual(['暂无柜台开放', '暂无柜台开放']);
  });
});
