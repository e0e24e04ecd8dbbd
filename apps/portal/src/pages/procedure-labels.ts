import type { Translate } from '@chiso/ui';
import type { PortalMessageKey } from '../messages.js';

type Level = 'CENTRAL' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
type OnlineLevel = 'FULL' | 'PARTIAL' | 'NONE';

export const PROCEDURE_LEVELS: Level[] = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'CENTRAL'];
export const ONLINE_LEVELS: OnlineLevel[] = ['FULL', 'PARTIAL', 'NONE'];

export function levelLabel(t: Translate<PortalMessageKey>, level: Level): string {
  return t(`procedure.level.${level}`);
}

export function onlineLabel(t: Translate<PortalMessageKey>, level: OnlineLevel): string {
  return t(`procedure.online.${level}`);
}

export function isProcedureLevel(value: string | null): value is Level {
  return value !== null && (PROCEDURE_LEVELS as string[]).includes(value);
}

export function isOnlineLevel(value: string | null): value is OnlineLevel {
  return value !== null && (ONLINE_LEVELS as string[]).includes(value);
}
