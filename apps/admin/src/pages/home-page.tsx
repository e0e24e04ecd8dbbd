import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useGrantsText, useT } from '../messages.js';
import { paths } from '../paths.js';
import { type Capability, useSession, viewerCan } from '../session.js';

const AREAS: {
  capability: Capability;
  to: string;
  label: 'nav.desk' | 'nav.reports' | 'nav.catalog' | 'nav.campaigns' | 'nav.feedback';
}[] = [
  { capability: 'desk', to: paths.desk, label: 'nav.desk' },
  { capability: 'reports', to: paths.reports, label: 'nav.reports' },
  { capability: 'catalog', to: paths.catalog, label: 'nav.catalog' },
  { capability: 'campaigns', to: paths.campaigns, label: 'nav.campaigns' },
  { capability: 'feedback', to: paths.feedback, label: 'nav.feedback' },
];

export function HomePage() {
  const t = useT();
  const grantsText = useGrantsText();
  const { viewer } = useSession();
  return (
    <Stack maw={860}>
      <Title order={2}>{t('home.heading')}</Title>
      <Text>{t('home.lead')}</Text>
      {viewer ? (
        <>
          <Text fw={600}>{t('home.welcome', { name: viewer.displayName })}</Text>
          <Text size="sm" data-testid="viewer-roles">
            {t('home.roles')}: {grantsText(viewer.grants)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {AREAS.filter((area) => viewerCan(viewer, area.capability)).map((area) => (
              <Paper key={area.to} withBorder p="md" radius="md">
                <Group justify="space-between">
                  <Text fw={600}>{t(area.label)}</Text>
                  <Anchor component={Link} to={area.to}>
                    {t('home.open')}
                  </Anchor>
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        </>
      ) : (
        <Group>
          <Text>{t('home.signInPrompt')}</Text>
          <Button component={Link} to={paths.signIn}>
            {t('nav.signIn')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
