import './lc-staff-app.ts';

document.body.append(document.createElement('lc-staff-app'));
