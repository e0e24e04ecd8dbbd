import { newIdempotencyKey } from './format.js';

/**
 * What a citizen has answered so far on one survey token, kept in localStorage so that a reload or a network
 * failure loses nothing. The idempotency key is made once per token and kept with the answers: a retry after a
 * lost reply sends the same key, and the API counts the response once.
 */
export interface SurveyDraft {
  idempotencyKey: string;
  /** One entry per item in the instrument's order; null while unanswered. */
  answers: (number | null)[];
  /** The screen shown on a phone (one question per screen, then the optional questions). */
  step: number;
  gender: 'FEMALE' | 'MALE' | 'OTHER' | null;
  ageBand: string | null;
  education: string | null;
  /** The optional free-text comment (at most `SURVEY_COMMENT_LIMIT` characters). */
  comment: string;
  startedAt: string;
  /** Set once the API has stored the response: the thank-you page is shown from then on. */
  submitted: { thanks: string; thanksEn: string } | null;
}

const PREFIX = 'chiso.survey.';

/** The longest comment the API stores (`submitSurveyResponse`'s freeText limit). */
export const SURVEY_COMMENT_LIMIT = 2000;

export function surveyDraftKey(token: string): string {
  return `${PREFIX}${token}`;
}

export function newSurveyDraft(itemCount: number, now: Date = new Date()): SurveyDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    answers: Array.from({ length: itemCount }, () => null),
    step: 0,
    gender: null,
    ageBand: null,
    education: null,
    comment: '',
    startedAt: now.toISOString(),
    submitted: null,
  };
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The stored draft of a token, fitted to the instrument's item count; undefined when there is none. */
export function loadSurveyDraft(token: string, itemCount: number): SurveyDraft | undefined {
  try {
    const raw = storage()?.getItem(surveyDraftKey(token));
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as SurveyDraft;
    if (typeof draft.idempotencyKey !== 'string' || !Array.isArray(draft.answers)) return undefined;
    const answers = Array.from({ length: itemCount }, (_, i) => {
      const value = draft.answers[i];
      return typeof value === 'number' ? value : null;
    });
    const comment = typeof draft.comment === 'string' ? draft.comment.slice(0, SURVEY_COMMENT_LIMIT) : '';
    return { ...draft, answers, comment, step: Math.max(0, Math.min(draft.step ?? 0, itemCount)) };
  } catch {
    return undefined;
  }
}

export function saveSurveyDraft(token: string, draft: SurveyDraft): void {
  try {
    storage()?.setItem(surveyDraftKey(token), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the survey still works, only without protection against a reload.
  }
}
