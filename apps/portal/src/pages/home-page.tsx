import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { paths } from '../app-paths.js';
import { useT } from '../messages.js';

/** Home: what the portal is, the procedure search box and the citizen's main tasks. */
export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    navigate(q ? `${paths.procedures}?q=${encodeURIComponent(q)}` : paths.procedures);
  }

  const tasks = [
    { to: paths.procedures, title: t('home.taskProcedures'), lead: t('home.taskProceduresLead') },
    { to: paths.dossier, title: t('home.taskDossier'), lead: t('home.taskDossierLead') },
    { to: paths.feedback, title: t('home.taskFeedback'), lead: t('home.taskFeedbackLead') },
    { to: paths.index, title: t('home.taskIndex'), lead: t('home.taskIndexLead') },
    { to: paths.provinces, title: t('home.provincesCard'), lead: t('home.provincesCardLead') },
  ];

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2}>{t('home.heading')}</Title>
        <Text size="lg">{t('home.lead')}</Text>
      </Stack>
      <search>
        <form onSubmit={onSubmit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('home.searchLabel')}
              placeholder={t('home.searchPlaceholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              type="search"
              size="md"
              style={{ flex: '1 1 240px' }}
            />
            <Button type="submit" size="md">
              {t('home.searchButton')}
            </Button>
          </Group>
        </form>
      </search>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {tasks.map((task) => (
          <Card key={task.to} withBorder padding="lg" radius="md">
            <Stack gap="xs">
              <Anchor component={Link} to={task.to} fw={600} size="lg">
                {task.title}
              </Anchor>
              <Text size="sm">{task.lead}</Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
