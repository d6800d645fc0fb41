import { startTestServer } from '/work/main/test/support/server.ts';
import { launchBrowser } from '/work/main/test/support/browser.ts';
import { shootSignage } from '/work/main/scripts/screenshots/signage.ts';
const server = await startTestServer();
const op = await server.cookieFor('operator');
const post = (p: string, b: unknown = {}) => server.api('POST', `/api/stores/demo${p}`, b, op);
for (const c of ['c1', 'c2', 'c3', 'c4']) await post(`/counters/${c}/open`);
for (let i = 0; i < 14; i++) await post('/tickets', { serviceId: ['pickup', 'returns', 'personalisation'][i % 3] });
for (const c of ['c3', 'c4', 'c2']) { await post(`/counters/${c}/call-next`); await post(`/counters/${c}/complete`); }
await post('/counters/c2/call-next'); await post('/counters/c2/no-show');
for (const c of ['c3', 'c4', 'c2', 'c1']) await post(`/counters/${c}/call-next`);
const browser = await launchBrowser();
const zh = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await zh.goto(`${server.url}/signage/?store=demo&layout=board&lang=zh-Hans`);
await zh.getByTestId("waiting").waitFor();
await zh.screenshot({ path: "/tmp/signage-zh.png", animations: "disabled" });
const page = await browser.newPage();
console.log(await shootSignage(page, server.url, process.argv[2] ?? '/tmp'));
await browser.close(); await server.close();
