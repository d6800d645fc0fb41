import { LANGUAGES, type Language } from '../../shared/domain.ts';

export type SignageLayout = 'board' | 'portrait' | 'counter';

/** What a screen was told to be by its URL: `/signage/?store=demo&layout=counter&counter=c3&lang=zh-Hans&sound=1`. */
export interface SignageParams {
  store: string;
  layout: SignageLayout;
  counterId: string | null;
  /** `?lang=`; otherwise the store's first language. */
  language: Language | null;
  /** Boards speak by default; counter displays only with `sound=1` (the board already calls). */
  sound: boolean;
  /** `?pair=1`: show a pairing code until a manager pairs this screen (skipped once paired). */
  pair: boolean;
}

export function readParams(search: string): SignageParams {
  const query = new URLSearchParams(search);
  const layoutParam = query.get('layout');
  const layout: SignageLayout = layoutParam === 'portrait' || layoutParam === 'counter' ? layoutParam : 'board';
  const lang = query.get('lang');
  const language =
    LANGUAGES.find((l) => l.toLowerCase() === lang?.toLowerCase()) ?? (lang?.startsWith('zh') ? 'zh-Hans' : null);
  const sound = query.get('sound');
  return {
    store: query.get('store') || 'demo',
    layout,
    counterId: query.get('counter'),
    language,
    sound: sound === null ? layout !== 'counter' : sound !== '0' && sound !== 'false',
    pair: query.get('pair') === '1',
  };
}

/** Where a paired screen keeps its device token. */
export const deviceTokenKey = (store: string) => `linecast:signage:${store}:deviceToken`;
