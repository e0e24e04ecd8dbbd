import { AppError } from '../../errors.js';

export type SurveyTokenProblem = 'unknown' | 'used' | 'expired' | 'other_campaign';

const TOKEN_MESSAGES: Record<SurveyTokenProblem, [vi: string, en: string]> = {
  unknown: [
    'Mã khảo sát không đúng. Hãy quét lại mã QR trên phiếu hẹn.',
    'This survey code is not valid. Scan the QR code on your receipt again.',
  ],
  used: ['Mã khảo sát này đã được dùng để trả lời.', 'This survey code has already been used to answer.'],
  expired: ['Mã khảo sát đã hết hạn.', 'This survey code has expired.'],
  other_campaign: [
    'Mã khảo sát không thuộc cuộc khảo sát này.',
    'This survey code belongs to another survey.',
  ],
};

/** A survey token that cannot be used: unknown, already used, expired, or of another campaign. */
export class SurveyTokenError extends AppError {
  readonly code: string;
  readonly problem: SurveyTokenProblem;

  constructor(problem: SurveyTokenProblem) {
    const [vi, en] = TOKEN_MESSAGES[problem];
    super(vi, en);
    this.problem = problem;
    this.code = `TOKEN_${problem.toUpperCase()}`;
  }
}

/** The campaign does not take answers now (closed, outside its period, or not reachable this way). */
export class SurveyClosedError extends AppError {
  readonly code = 'SURVEY_CLOSED';
}
