/** Paths inside /admin/. */
export const paths = {
  home: '/',
  units: '/don-vi',
  signIn: '/dang-nhap',
  account: '/tai-khoan',
  desk: '/mot-cua',
  receive: '/mot-cua/tiep-nhan',
  paper: '/mot-cua/phieu-giay',
  dossier: '/mot-cua/ho-so',
  reports: '/bao-cao',
  catalog: '/danh-muc',
  catalogImport: '/danh-muc/nhap-tep',
  procedure: '/danh-muc/thu-tuc',
  campaigns: '/khao-sat',
  feedback: '/phan-anh',
  agencies: '/co-quan',
  calendar: '/lich-lam-viec',
} as const;

export function dossierPath(id: string): string {
  return `${paths.dossier}/${encodeURIComponent(id)}`;
}

/** The catalog's page of one procedure, to edit it. */
export function procedurePath(code: string): string {
  return `${paths.procedure}/${encodeURIComponent(code)}`;
}

export function campaignPath(code: string): string {
  return `${paths.campaigns}/${encodeURIComponent(code)}`;
}

/** The CSV import of a campaign's responses. */
export function campaignImportPath(code: string): string {
  return `${campaignPath(code)}/nhap-tep`;
}

export function feedbackPath(id: string): string {
  return `${paths.feedback}/${encodeURIComponent(id)}`;
}

/** The portal's page of an open campaign (its public link), e.g. for a poster's QR code. */
export function portalOpenSurveyUrl(origin: string, campaignCode: string): string {
  return `${origin}/khao-sat/mo/${encodeURIComponent(campaignCode)}`;
}

export function agencyPath(code: string): string {
  return `${paths.agencies}/${encodeURIComponent(code)}`;
}
