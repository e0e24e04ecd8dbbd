/** Paths are Vietnamese, like the rest of the portal. */
export const paths = {
  home: '/',
  provinces: '/tinh-thanh',
  procedures: '/thu-tuc',
  procedure: (code: string) => `/thu-tuc/${encodeURIComponent(code)}`,
  dossier: '/tra-cuu-ho-so',
  survey: (token: string) => `/khao-sat/${encodeURIComponent(token)}`,
  feedback: '/gop-y',
  feedbackStatus: (code: string) => `/gop-y/${encodeURIComponent(code)}`,
  publishedFeedback: '/gop-y/cong-khai',
  index: '/chi-so',
} as const;
