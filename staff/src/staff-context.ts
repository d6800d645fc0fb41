import { createContext } from '@lit/context';
import type { Language, StorePublicConfig, UserDto } from '../../shared/domain.ts';
import type { ApiClient } from './api-client.ts';
import type { Translate } from './i18n/staff-messages.ts';

/** Who is signed in, in which store, in which language. Replaced (never mutated) on change. */
export interface StaffSession {
  user: UserDto;
  storeId: string;
  store: StorePublicConfig;
  language: Language;
  t: Translate;
  isManager: boolean;
}

export const apiContext = createContext<ApiClient>(Symbol('linecast-api'));
export const sessionContext = createContext<StaffSession | undefined>(Symbol('linecast-session'));
