import type { Translate } from '@chiso/ui';
import type { PortalMessageKey } from '../messages.js';

export type FeedbackStatus =
  | 'RECEIVED'
  | 'CLASSIFIED'
  | 'TRANSFERRED'
  | 'ANSWERED'
  | 'PUBLISHED'
  | 'CLOSED'
  | 'REJECTED';

export function feedbackStatusLabel(t: Translate<PortalMessageKey>, status: FeedbackStatus): string {
  return t(`feedback.status.${status}`);
}

/** A date-and-time string of the API (ISO) as a calendar date in Vietnam. */
export function vietnamDate(iso: string, locale: 'vi' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}
