import { Alert, Anchor, Box, Burger, Container, Group, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useUiT } from '../i18n/ui-messages.js';
import classes from './app-layout.module.css';
import { LanguageSwitch } from './language-switch.js';

export interface AppLayoutProps {
  /** The app's name in the header, e.g. "Chỉ số". */
  title: ReactNode;
  /** Where the title links to (the app's home). */
  homeHref: string;
  /** Links of the main navigation (router links), rendered inside a labelled `<nav>`. */
  navigation?: ReactNode;
  /** True when the API says its data is demo data: the footer then says so. */
  demoData?: boolean;
  /**
   * Below the `md` breakpoint (tablets in portrait, phones) the navigation folds behind a menu button, opened on
   * demand and closed again when a link is followed.
   */
  collapseNavigation?: boolean;
  /** `sm` for reading (portal), `xl` for wide tables (admin). */
  width?: 'sm' | 'md' | 'lg' | 'xl';
  /** Renders the title link (a router link), so the home link does not reload the page. */
  renderHomeLink?: (props: { className: string; children: ReactNode }) => ReactNode;
  children: ReactNode;
}

/** Header (title, navigation, language switch), skip link, main landmark and footer, shared by both apps. */
export function AppLayout({
  title,
  homeHref,
  navigation,
  demoData = false,
  width = 'md',
  collapseNavigation = false,
  renderHomeLink,
  children,
}: AppLayoutProps) {
  const t = useUiT();
  const [menuOpen, setMenuOpen] = useState(false);
  const titleContent = (
    <Title order={1} size="h3" component="span">
      {title}
    </Title>
  );
  return (
    <div className={classes.page}>
      <a className={classes.skipLink} href="#main">
        {t('layout.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size={width}>
          <Group justify="space-between" gap="sm" py="sm" wrap="wrap">
            {renderHomeLink ? (
              renderHomeLink({ className: classes.homeLink ?? '', children: titleContent })
            ) : (
              <Anchor href={homeHref} className={classes.homeLink} underline="never">
                {titleContent}
              </Anchor>
            )}
            <Group gap="sm">
              <LanguageSwitch />
              {navigation && collapseNavigation ? (
                <Burger
                  hiddenFrom="md"
                  opened={menuOpen}
                  onClick={() => setMenuOpen((open) => !open)}
                  aria-label={t('layout.menu')}
                  aria-expanded={menuOpen}
                  aria-controls="main-navigation"
                  size="sm"
                />
              ) : null}
            </Group>
          </Group>
          {navigation ? (
            <Box
              component="nav"
              id="main-navigation"
              aria-label={t('layout.mainNavigation')}
              pb="xs"
              className={collapseNavigation ? classes.collapsible : undefined}
              data-open={menuOpen || undefined}
              onClick={(event) => {
                // Following a link closes the folded menu.
                if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
              }}
            >
              <Group gap="md" wrap="wrap">
                {navigation}
              </Group>
            </Box>
          ) : null}
        </Container>
      </Box>
      <Container size={width} component="main" id="main" tabIndex={-1} className={classes.main} py="lg">
        {children}
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size={width} py="md">
          {demoData ? (
            <Alert color="yellow" variant="light" mb="sm" data-testid="demo-notice">
              <Text size="sm" c="dark.8">
                {t('layout.demoNotice')}
              </Text>
            </Alert>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('layout.footerAbout')}
          </Text>
        </Container>
      </Box>
    </div>
  );
}
