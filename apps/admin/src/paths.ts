/** Paths inside /admin/. */
export const paths = {
  home: '/',
  units: '/don-vi',
  signIn: '/dang-nhap',
  account: '/tai-khoan',
  desk: '/mot-cua',
  receive: '/mot-cua/tiep-nhan',
  dossier: '/mot-cua/ho-so',
  reports: '/bao-cao',
  catalog: '/danh-muc',
  catalogImport: '/danh-muc/nhap-tep',
} as const;

export function dossierPath(id: string): string {
  return `${paths.dossier}/${encodeURIComponent(id)}`;
}
