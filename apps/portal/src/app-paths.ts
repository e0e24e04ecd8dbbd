/** Paths are Vietnamese, like the rest of the portal. */
export const paths = {
  home: '/',
  provinces: '/tinh-thanh',
  procedures: '/thu-tuc',
  procedure: (code: string) => `/thu-tuc/${encodeURIComponent(code)}`,
  dossier: '/tra-cuu-ho-so',
  survey: (token: string) => `/khao-sat/${encodeURIComponent(token)}`,
  /** An open campaign's public link (the admin app prints it as a QR code). */
  openSurvey: (campaignCode: string) => `/khao-sat/mo/${encodeURIComponent(campaignCode)}`,
  feedback: '/gop-y',
  feedbackStatus: (code: string) => `/gop-y/${encodeURIComponent(code)}`,
  publishedFeedback: '/gop-y/cong-khai',
  index: '/chi-so',
} as const;
