import { describe, expect, it } from 'vitest';
import { apiUrl, type CallArgs } from './client.ts';

describe('the typed API client', () => {
  it('builds URLs from the operation map, parameters encoded, undefined query values left out', () => {
    expect(apiUrl('callNext', { store: 'demo', counter: 'c 1' })).toBe('/api/stores/demo/counters/c%201/call-next');
    expect(apiUrl('ticketsCsv', { store: 'demo' }, { from: '2026-03-01', to: '2026-03-07', x: undefined })).toBe(
      '/api/stores/demo/reports/tickets.csv?from=2026-03-01&to=2026-03-07',
    );
    expect(apiUrl('me')).toBe('/api/auth/me');
  });

  it('types each call from the map', () => {
    const ok: CallArgs<'issueTicket'> = [{ params: { store: 'demo' }, body: { serviceId: 'pickup' } }];
    const none: CallArgs<'me'> = [];
    // @ts-expect-error a ticket needs its service
    const noService: CallArgs<'issueTicket'> = [{ params: { store: 'demo' }, body: {} }];
    // @ts-expect-error the counter's path needs the counter
    const noCounter: CallArgs<'callNext'> = [{ params: { store: 'demo' } }];
    // @ts-expect-error the report needs its range
    const noRange: CallArgs<'summaryReport'> = [{ params: { store: 'demo' } }];
    expect([ok, none, noService, noCounter, noRange]).toHaveLength(5);
  });
});
