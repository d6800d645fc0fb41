import './signage.css';
import './lc-signage-app.ts';

document.body.append(document.createElement('lc-signage-app'));
