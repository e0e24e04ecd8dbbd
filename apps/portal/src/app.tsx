import { AppLayout, PageLoading } from '@chiso/ui';
import { Anchor } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router';
import { paths } from './app-paths.js';
import { useT } from './messages.js';
import { HomePage } from './pages/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { useDemoData } from './platform-query.js';

// Pages other than the home page load on demand: the first visit downloads only what it shows.
const ProvincesPage = lazy(() => import('./pages/provinces-page.js'));
const ProceduresPage = lazy(() => import('./pages/procedures-page.js'));
const ProcedurePage = lazy(() => import('./pages/procedure-page.js'));
const DossierPage = lazy(() => import('./pages/dossier-page.js'));
const SurveyPage = lazy(() => import('./pages/survey-page.js'));
const OpenSurveyPage = lazy(() =>
  import('./pages/survey-page.js').then((module) => ({ default: module.OpenSurveyPage })),
);
const IndexPage = lazy(() => import('./pages/index-page.js'));
const FeedbackPage = lazy(() => import('./pages/feedback-page.js'));
const FeedbackStatusPage = lazy(() => import('./pages/feedback-status-page.js'));
const PublishedFeedbackPage = lazy(() => import('./pages/published-feedback-page.js'));

export { paths };

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={NavLink} to={to} end fw={500}>
      {children}
    </Anchor>
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
      homeHref={paths.home}
      renderHomeLink={({ className, children }) => (
        <Link to={paths.home} className={className}>
          {children}
        </Link>
      )}
      demoData={demoData}
      width="md"
      navigation={
        <>
          <NavItem to={paths.home}>{t('nav.home')}</NavItem>
          <NavItem to={paths.procedures}>{t('nav.procedures')}</NavItem>
          <NavItem to={paths.dossier}>{t('nav.dossier')}</NavItem>
          <NavItem to={paths.feedback}>{t('nav.feedback')}</NavItem>
          <NavItem to={paths.index}>{t('nav.index')}</NavItem>
          <NavItem to={paths.provinces}>{t('nav.provinces')}</NavItem>
        </>
      }
    >
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path={paths.home} element={<HomePage />} />
          <Route path={paths.provinces} element={<ProvincesPage />} />
          <Route path={paths.procedures} element={<ProceduresPage />} />
          <Route path={`${paths.procedures}/:code`} element={<ProcedurePage />} />
          <Route path={paths.dossier} element={<DossierPage />} />
          <Route path="/khao-sat/:token" element={<SurveyPage />} />
          <Route path="/khao-sat/mo/:code" element={<OpenSurveyPage />} />
          <Route path={paths.feedback} element={<FeedbackPage />} />
          <Route path={paths.index} element={<IndexPage />} />
          <Route path={paths.publishedFeedback} element={<PublishedFeedbackPage />} />
          <Route path="/gop-y/:code" element={<FeedbackStatusPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
