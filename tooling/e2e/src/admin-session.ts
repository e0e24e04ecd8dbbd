import type { Page } from 'playwright-core';
import type { E2EApp, ViewportName } from './harness.js';

/** The demo accounts' shared password (README, "Demo data"). */
export const DEMO_PASSWORD = 'ChiSo@demo2019';

export const demoUsers = {
  admin: 'admin@demo.chiso.vn',
  unitAdmin: 'tinh@demo.chiso.vn',
  officer: 'motcua.stp@demo.chiso.vn',
  analyst: 'phantich@demo.chiso.vn',
  leader: 'lanhdao@demo.chiso.vn',
} as const;

/** A fresh page (desktop unless told) signed in through the admin app's own sign-in form. */
export async function signedInPage(
  app: E2EApp,
  email: string,
  viewport: ViewportName = 'desktop',
): Promise<Page> {
  const page = await app.newPage(viewport);
  await page.goto(`${app.baseUrl}/admin/dang-nhap`);
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // On a narrow screen the navigation (with the signed-in name) is folded: present, not visible.
  await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
  return page;
}
