import { it } from 'vitest';
import { startTestServer } from '/work/main/test/support/server.ts';
it('prof', async () => {
  const s = await startTestServer();
  const op = await s.cookieFor('operator');
  for (const c of ['c1','c2','c3','c4']) await s.api('POST', `/api/stores/demo/counters/${c}/open`, undefined, op);
  let t = Date.now();
  await Promise.all(Array.from({length: 40}, (_, i) => s.api('POST', '/api/stores/demo/tickets', { serviceId: ['pickup','returns','personalisation'][i%3] })));
  console.log('issue 40 parallel', Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 20; i++) await s.api('GET', '/api/stores/demo/queue');
  console.log('20 queue gets', Date.now() - t);
  t = Date.now();
  await Promise.all(Array.from({length: 50}, (_, i) => s.api('POST', `/api/stores/demo/counters/c${i%4+1}/call-next`, undefined, op)));
  console.log('50 call-next parallel', Date.now() - t);
  const w = s.server.deps.waits; const st = s.server.deps.lines.state('demo');
  t = Date.now(); for (let i = 0; i < 10; i++) { w.refresh('demo'); w.forStore('demo'); } console.log('10 predictions', Date.now() - t);
  await s.close();
}, 60000);
