import { AppLayout } from '@chiso/ui';
import { Anchor, Center, Loader, VisuallyHidden } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router';
import { useT } from './messages.js';
import { HomePage } from './pages/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { useDemoData } from './platform-query.js';

const UnitsPage = lazy(() => import('./pages/units-page.js'));

/** Paths inside /admin/. */
export const paths = {
  home: '/',
  units: '/don-vi',
  signIn: '/dang-nhap',
} as const;

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={NavLink} to={to} end fw={500}>
      {children}
    </Anchor>
  );
}

function PageLoading() {
  const t = useT();
  return (
    <Center role="status" py="xl">
      <Loader />
      <VisuallyHidden>{t('units.loading')}</VisuallyHidden>
    </Center>
  );
}

export function App() {
  const t = useT();
  const demoData = useDemoData();

  useEffect(() => {
    document.title = t('app.documentTitle');
  }, [t]);

  return (
    <AppLayout
      title={t('app.title')}
      homeHref={import.meta.env.BASE_URL}
      renderHomeLink={({ className, children }) => (
        <Link to={paths.home} className={className}>
          {children}
        </Link>
      )}
      demoData={demoData}
      width="xl"
      navigation={
        <>
          <NavItem to={paths.home}>{t('nav.home')}</NavItem>
          <NavItem to={paths.units}>{t('nav.units')}</NavItem>
          <NavItem to={paths.signIn}>{t('nav.signIn')}</NavItem>
        </>
      }
    >
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path={paths.home} element={<HomePage />} />
          <Route path={paths.units} element={<UnitsPage />} />
          <Route path={paths.signIn} element={<SignInPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
