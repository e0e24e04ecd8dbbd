import { AppLayout, PageLoading } from '@chiso/ui';
import { Anchor, Button, Text } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from './graphql.js';
import { useT } from './messages.js';
import { HomePage } from './pages/home-page.js';
import { NotAllowedPage } from './pages/not-allowed-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { paths } from './paths.js';
import { useDemoData } from './platform-query.js';
import { type Capability, SessionProvider, useSession, viewerCan } from './session.js';

const UnitsPage = lazy(() => import('./pages/units-page.js'));
const AccountPage = lazy(() => import('./pages/account-page.js'));
const DeskQueuePage = lazy(() => import('./pages/desk/queue-page.js'));
const ReceiveDossierPage = lazy(() => import('./pages/desk/receive-page.js'));
const DossierPage = lazy(() => import('./pages/desk/dossier-page.js'));
const PaperPage = lazy(() => import('./pages/desk/paper-page.js'));
const ReportPage = lazy(() => import('./pages/reports/report-page.js'));
const CatalogPage = lazy(() => import('./pages/catalog/catalog-page.js'));
const ImportPage = lazy(() => import('./pages/catalog/import-page.js'));
const ProcedurePage = lazy(() => import('./pages/catalog/procedure-page.js'));
const CampaignsPage = lazy(() => import('./pages/campaigns/campaigns-page.js'));
const CampaignPage = lazy(() => import('./pages/campaigns/campaign-page.js'));
const ImportResponsesPage = lazy(() => import('./pages/campaigns/import-responses-page.js'));
const FeedbackInboxPage = lazy(() => import('./pages/feedback/inbox-page.js'));
const FeedbackPage = lazy(() => import('./pages/feedback/feedback-page.js'));
const AgenciesPage = lazy(() => import('./pages/agencies/agencies-page.js'));
const AgencyPage = lazy(() => import('./pages/agencies/agency-page.js'));
const CalendarPage = lazy(() => import('./pages/agencies/calendar-page.js'));

export { paths };

const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      __typename
    }
  }
`);

function NavItem({ to, children, end = false }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <Anchor component={NavLink} to={to} end={end} fw={500}>
      {children}
    </Anchor>
  );
}

/**
 * A route for signed-in viewers whose grants open `capability`: anonymous viewers go to the sign-in page (and come
 * back after), others see the "not allowed" page.
 */
function Guard({ capability, children }: { capability?: Capability; children: ReactNode }) {
  const { viewer, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!viewer)
    return <Navigate to={paths.signIn} replace state={{ from: location.pathname + location.search }} />;
  if (capability && !viewerCan(viewer, capability)) return <NotAllowedPage />;
  return <>{children}</>;
}

function SignOutButton() {
  const t = useT();
  const [{ fetching }, logout] = useMutation(LogoutMutation);
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      loading={fetching}
      onClick={async () => {
        await logout({});
        // A fresh start: no cached data of the previous user stays in memory.
        window.location.assign(`${import.meta.env.BASE_URL}${paths.signIn.slice(1)}`);
      }}
    >
      {t('nav.signOut')}
    </Button>
  );
}

function Navigation() {
  const t = useT();
  const { viewer } = useSession();
  return (
    <>
      <NavItem to={paths.home} end>
        {t('nav.home')}
      </NavItem>
      {viewerCan(viewer, 'desk') ? <NavItem to={paths.desk}>{t('nav.desk')}</NavItem> : null}
      {viewerCan(viewer, 'reports') ? <NavItem to={paths.reports}>{t('nav.reports')}</NavItem> : null}
      {viewerCan(viewer, 'catalog') ? <NavItem to={paths.catalog}>{t('nav.catalog')}</NavItem> : null}
      {viewerCan(viewer, 'campaigns') ? <NavItem to={paths.campaigns}>{t('nav.campaigns')}</NavItem> : null}
      {viewerCan(viewer, 'feedback') ? <NavItem to={paths.feedback}>{t('nav.feedback')}</NavItem> : null}
      {viewerCan(viewer, 'agencies') ? <NavItem to={paths.agencies}>{t('nav.agencies')}</NavItem> : null}
      {viewerCan(viewer, 'agencies') ? <NavItem to={paths.calendar}>{t('nav.calendar')}</NavItem> : null}
      <NavItem to={paths.units}>{t('nav.units')}</NavItem>
      {viewer ? (
        <>
          <NavItem to={paths.account}>{t('nav.account')}</NavItem>
          <Text size="sm" c="dimmed" data-testid="signed-in-as">
            {t('nav.signedInAs', { name: viewer.displayName })}
          </Text>
          <SignOutButton />
        </>
      ) : (
        <NavItem to={paths.signIn}>{t('nav.signIn')}</NavItem>
      )}
    </>
  );
}

function Shell() {
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
      collapseNavigation
      navigation={<Navigation />}
    >
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path={paths.home} element={<HomePage />} />
          <Route path={paths.units} element={<UnitsPage />} />
          <Route path={paths.signIn} element={<SignInPage />} />
          <Route
            path={paths.account}
            element={
              <Guard>
                <AccountPage />
              </Guard>
            }
          />
          <Route
            path={paths.desk}
            element={
              <Guard capability="desk">
                <DeskQueuePage />
              </Guard>
            }
          />
          <Route
            path={paths.receive}
            element={
              <Guard capability="desk">
                <ReceiveDossierPage />
              </Guard>
            }
          />
          <Route
            path={paths.paper}
            element={
              <Guard capability="desk">
                <PaperPage />
              </Guard>
            }
          />
          <Route
            path={`${paths.dossier}/:id`}
            element={
              <Guard capability="desk">
                <DossierPage />
              </Guard>
            }
          />
          <Route
            path={paths.reports}
            element={
              <Guard capability="reports">
                <ReportPage />
              </Guard>
            }
          />
          <Route
            path={paths.catalog}
            element={
              <Guard capability="catalog">
                <CatalogPage />
              </Guard>
            }
          />
          <Route
            path={paths.catalogImport}
            element={
              <Guard capability="catalog">
                <ImportPage />
              </Guard>
            }
          />
          <Route
            path={`${paths.procedure}/:code`}
            element={
              <Guard capability="catalog">
                <ProcedurePage />
              </Guard>
            }
          />
          <Route
            path={paths.campaigns}
            element={
              <Guard capability="campaigns">
                <CampaignsPage />
              </Guard>
            }
          />
          <Route
            path={`${paths.campaigns}/:code`}
            element={
              <Guard capability="campaigns">
                <CampaignPage />
              </Guard>
            }
          />
          <Route
            path={`${paths.campaigns}/:code/nhap-tep`}
            element={
              <Guard capability="campaigns">
                <ImportResponsesPage />
              </Guard>
            }
          />
          <Route
            path={paths.feedback}
            element={
              <Guard capability="feedback">
                <FeedbackInboxPage />
              </Guard>
            }
          />
          <Route
            path={`${paths.feedback}/:id`}
            element={
              <Guard capability="feedback">
                <FeedbackPage />
              </Guard>
            }
          />
          <Route
            path={paths.agencies}
            element={
              <Guard capability="agencies">
                <AgenciesPage />
              </Guard>
            }
          />
          <Route
            path={`${paths.agencies}/:code`}
            element={
              <Guard capability="agencies">
                <AgencyPage />
              </Guard>
            }
          />
          <Route
            path={paths.calendar}
            element={
              <Guard capability="agencies">
                <CalendarPage />
              </Guard>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}
