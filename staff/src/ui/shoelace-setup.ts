import '@shoelace-style/shoelace/dist/themes/light.css';
import './staff-theme.css';
import zhCn from '@shoelace-style/shoelace/dist/translations/zh-cn.js';
import { registerIconLibrary } from '@shoelace-style/shoelace/dist/utilities/icon-library.js';
import { registerTranslation } from '@shoelace-style/shoelace/dist/utilities/localize.js';
import check from './icons/check.svg?url&no-inline';
import chevronDown from './icons/chevron-down.svg?url&no-inline';
import chevronLeft from './icons/chevron-left.svg?url&no-inline';
import chevronRight from './icons/chevron-right.svg?url&no-inline';
import eye from './icons/eye.svg?url&no-inline';
import eyeSlash from './icons/eye-slash.svg?url&no-inline';
import indeterminate from './icons/indeterminate.svg?url&no-inline';
import xCircleFill from './icons/x-circle-fill.svg?url&no-inline';
import xLg from './icons/x-lg.svg?url&no-inline';

/**
 * Shoelace's built-in icons (a checkbox's tick, a select's chevron, a dialog's close) are data:
 * URLs it fetches, which the staff CSP's `connect-src 'self'` refuses: serve copies from our origin.
 */
const SYSTEM_ICONS: Record<string, string> = {
  check,
  'chevron-down': chevronDown,
  'chevron-left': chevronLeft,
  'chevron-right': chevronRight,
  eye,
  'eye-slash': eyeSlash,
  indeterminate,
  'x-circle-fill': xCircleFill,
  'x-lg': xLg,
};
registerIconLibrary('system', { resolver: (name) => SYSTEM_ICONS[name] ?? '' });
// Shoelace matches the document language (`zh-Hans`) by its full code or its first part only.
registerTranslation({ ...zhCn, $code: 'zh-hans' });
