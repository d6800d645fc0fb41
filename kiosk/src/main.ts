import './kiosk.css';
import './lc-kiosk-app.ts';

document.body.append(document.createElement('lc-kiosk-app'));
