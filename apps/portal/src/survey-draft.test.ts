import { beforeEach, describe, expect, it } from 'vitest';
import {
  loadSurveyDraft,
  newSurveyDraft,
  SURVEY_COMMENT_LIMIT,
  saveSurveyDraft,
  surveyDraftKey,
} from './survey-draft.js';

describe('survey drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps answers and the idempotency key across a reload', () => {
    const draft = newSurveyDraft(3, new Date('2026-01-01T00:00:00Z'));
    draft.answers[1] = 4;
    draft.step = 2;
    saveSurveyDraft('tok', draft);
    const loaded = loadSurveyDraft('tok', 3);
    expect(loaded).toEqual(draft);
    expect(loaded?.idempotencyKey).toBe(draft.idempotencyKey);
  });

  it('has no draft for an unknown token and ignores broken storage', () => {
    expect(loadSurveyDraft('other', 3)).toBeUndefined();
    localStorage.setItem(surveyDraftKey('broken'), '{not json');
    expect(loadSurveyDraft('broken', 3)).toBeUndefined();
  });

  it('fits a stored draft to the instrument', () => {
    const draft = newSurveyDraft(2);
    draft.answers = [5, 3];
    draft.step = 9;
    saveSurveyDraft('tok', draft);
    const loaded = loadSurveyDraft('tok', 3);
    expect(loaded?.answers).toEqual([5, 3, null]);
    expect(loaded?.step).toBe(3);
  });

  it('keeps the comment, cut to the limit, and reads older drafts without one', () => {
    const draft = newSurveyDraft(1);
    draft.comment = 'x'.repeat(SURVEY_COMMENT_LIMIT + 10);
    saveSurveyDraft('tok', draft);
    expect(loadSurveyDraft('tok', 1)?.comment).toBe('x'.repeat(SURVEY_COMMENT_LIMIT));
    const { comment: _comment, ...older } = newSurveyDraft(1);
    localStorage.setItem(surveyDraftKey('old'), JSON.stringify(older));
    expect(loadSurveyDraft('old', 1)?.comment).toBe('');
  });

  it('makes a new key for each new draft', () => {
    expect(newSurveyDraft(1).idempotencyKey).not.toBe(newSurveyDraft(1).idempotencyKey);
  });
});
