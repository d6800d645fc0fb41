import './phone/phone.css';
import './phone/lc-phone-ticket.ts';

document.body.append(document.createElement('lc-phone-ticket'));
