import { startLinecast } from './app.ts';
import { configFromEnv } from './config.ts';

const config = configFromEnv();
const server = await startLinecast(config);
const base = `http://localhost:${server.port}`;
console.log(`Linecast is running on ${base} (listening on ${config.host}:${server.port}, data in ${config.dataDir})
  Kiosk:          ${base}/kiosk/?store=demo
  Phone joining:  ${base}/kiosk/?store=demo&mode=phone
  Signage board:  ${base}/signage/?store=demo&layout=board
  Portrait board: ${base}/signage/?store=demo&layout=portrait
  Counter screen: ${base}/signage/?store=demo&layout=counter&counter=c1
  Staff & admin:  ${base}/staff/
  API:            ${base}/api/openapi.json   Health: ${base}/api/health   Metrics: ${base}/metrics`);
if (server.generatedAdminPassword) {
  console.log(
    `\nFirst start: sign in as "admin" with password: ${server.generatedAdminPassword}\n(shown once; set LINECAST_ADMIN_PASSWORD to choose it)`,
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
