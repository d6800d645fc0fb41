import type { SignageKind, WeeklyWindow } from '../../shared/api/signage-schemas.ts';
import type { LocalizedText } from '../../shared/domain.ts';

/** The answers' shapes live with the operation map; this is what the repository takes in. */
export type {
  BroadcastDto,
  PlaylistItem,
  SignageItemDto,
  SignageKind,
  WeeklyWindow,
} from '../../shared/api/signage-schemas.ts';
export { SIGNAGE_KINDS } from '../../shared/api/signage-schemas.ts';

export interface SignageItemInput {
  kind: SignageKind;
  url?: string | null;
  text?: string | LocalizedText | null;
  durationSec: number;
  windows: WeeklyWindow[];
  sortOrder?: number;
  active?: boolean;
}
