import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { html, raw } from 'hono/html';
import { type PhoneMessageKey, tp } from '../../kiosk/src/i18n/phone-messages.ts';
import { LANGUAGES, type Language } from '../../shared/domain.ts';
import { pickLanguage, textIn } from '../../shared/i18n.ts';
import { plainPageCsp } from './content-security-policy.ts';
import type { AppEnv } from './deps.ts';

/** Set by the customer apps when someone picks a language, so server pages answer in it too. */
export const LANGUAGE_COOKIE = 'linecast_lang';

/** The customer's language: `?lang=`, then their choice in the apps, then the browser's `Accept-Language`. */
export function customerLanguage(c: Context<AppEnv>): Language {
  const accepted = (c.req.header('accept-language') ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter((a) => a.tag && a.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((a) => a.tag);
  const asked = [c.req.query('lang'), getCookie(c, LANGUAGE_COOKIE)].filter((x): x is string => !!x);
  return pickLanguage([...asked, ...accepted], LANGUAGES);
}

/** Where a customer can join a line from a phone: every store that allows it. */
export function joinLinks(c: Context<AppEnv>, language: Language): Array<{ name: string; href: string }> {
  const { lines } = c.get('deps');
  return lines
    .storeIds()
    .map((id) => lines.state(id)?.settings)
    .filter((s) => !!s?.allowPhoneJoin && s.active !== false)
    .map((s) => ({
      name: textIn(language, s!.name, s!.nameByLanguage),
      href: `/kiosk/?store=${encodeURIComponent(s!.slug)}&mode=phone&lang=${encodeURIComponent(language)}`,
    }));
}

/** The page's only style, allowed by its hash (so it stays byte for byte what is hashed). */
const STYLE = `
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #102a43; color: #102a43;
  font: 18px/1.45 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; }
main { box-sizing: border-box; width: min(92vw, 30rem); margin: 1rem; padding: 1.5rem; border-radius: 1rem; background: #fff; }
h1 { margin: 0 0 0.5rem; font-size: 1.5rem; }
p { margin: 0 0 1rem; }
.join { display: block; margin-top: 0.75rem; padding: 0.9rem 1rem; border-radius: 0.75rem; background: #0b5cad; color: #fff;
  font-weight: 700; text-align: center; text-decoration: none; overflow-wrap: anywhere; }
`;
const CSP = plainPageCsp(STYLE);

/**
 * A plain page for a customer who reached a dead end (an old QR code, a mistyped address): what
 * happened in their language and where to join again — never a JSON error.
 */
export function customerPage(c: Context<AppEnv>, kind: 'invalidTicket' | 'missing') {
  const language = customerLanguage(c);
  const t = (key: PhoneMessageKey, params?: Record<string, string>) => tp(language, key, params);
  const title = t(kind === 'invalidTicket' ? 'invalidTitle' : 'missingTitle');
  const links = joinLinks(c, language);
  const join =
    links.length === 0
      ? html`<p>${t('newTicketAtKiosk')}</p>`
      : links.length === 1
        ? html`<p>${t('joinOrKiosk')}</p><a class="join" href="${links[0]!.href}">${t('joinAgain')}</a>`
        : html`<p>${t('joinOrKiosk')}</p>${links.map(
            (l) => html`<a class="join" href="${l.href}">${t('joinAgainAt', { store: l.name })}</a>`,
          )}`;
  c.header('Cache-Control', 'no-store');
  c.header('Content-Security-Policy', CSP);
  c.header('Content-Language', language);
  return c.html(
    html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="data:," />
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body><main data-testid="dead-end">
<h1>${title}</h1>
<p>${t(kind === 'invalidTicket' ? 'invalidBody' : 'missingBody')}</p>
${join}
</main></body>
</html>`,
    404,
  );
}
