// `npm run dev`: the server restarts on changes (tsx watch) and Vite serves the apps with live
// reload on port 5173, proxying /api and /socket.io to the server.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const env = { ...process.env, PORT: port };
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['vite', '--config', 'vite.config.ts', '--host'], { stdio: 'inherit', env }),
];
console.log(
  `Dev: apps with live reload on http://localhost:${process.env.VITE_PORT ?? 5173}/kiosk/?store=demo (API on :${port})`,
);
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && stop());
