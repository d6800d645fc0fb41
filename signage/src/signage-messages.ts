import { translator } from '../../shared/i18n.ts';

/** Every string a signage screen shows; `zh-Hans` must have every key. Spoken sentences live in shared/speech.ts. */
const messages = {
  en: {
    nowCalling: 'Now calling',
    pleaseGoTo: 'Please go to {counter}',
    nobodyCalled: 'Welcome — we will call your number here',
    recentCalls: 'Recent calls',
    noRecentCalls: 'No calls yet',
    missed: 'Missed — please see staff',
    waitingTitle: 'Waiting now',
    waitingCount: '{count} waiting',
    noWait: 'No wait',
    waitNext: 'Next up',
    waitAbout: 'about {min} min',
    waitRange: 'about {min}–{max} min',
    waitUnknown: 'Estimating…',
    stale: 'Connection lost — showing last known line',
    connecting: 'Connecting…',
    enableSound: 'Tap to enable sound',
    counterClosed: 'Closed',
    counterPaused: 'Paused — back soon',
    counterOpen: 'Open — next customer please',
    counterServing: 'Now serving',
    unknownCounter: 'Unknown counter "{counter}"',
    unknownStore: 'Store "{store}" not found',
    notice: 'Notice',
    ticket: 'Ticket',
    counter: 'Counter',
  },
  'zh-Hans': {
    nowCalling: '正在叫号',
    pleaseGoTo: '请到{counter}',
    nobodyCalled: '欢迎光临 — 叫号将显示在这里',
    recentCalls: '最近叫号',
    noRecentCalls: '暂无叫号',
    missed: '过号 — 请联系工作人员',
    waitingTitle: '当前排队',
    waitingCount: '{count} 人等候',
    noWait: '无需等候',
    waitNext: '即将轮到',
    waitAbout: '约 {min} 分钟',
    waitRange: '约 {min}–{max} 分钟',
    waitUnknown: '正在估算…',
    stale: '连接中断 — 显示的是最后已知的排队情况',
    connecting: '正在连接…',
    enableSound: '点击开启声音',
    counterClosed: '已关闭',
    counterPaused: '暂停服务 — 稍后回来',
    counterOpen: '开放中 — 请下一位',
    counterServing: '正在服务',
    unknownCounter: '未找到柜台"{counter}"',
    unknownStore: '未找到门店"{store}"',
    notice: '通知',
    ticket: '号码',
    counter: '柜台',
  },
};

export type SignageMessage = keyof (typeof messages)['en'];

/** `t(language, key, params)` for the signage screens. */
export const t = translator<SignageMessage>(messages);
