import './ui/shoelace-setup.ts';
import './lc-staff-app.ts';

document.body.append(document.createElement('lc-staff-app'));
