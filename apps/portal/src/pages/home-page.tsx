import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../messages.js';

/** Home: what the portal is, a search box (search arrives with the procedures module) and the first pages. */
export function HomePage() {
  const t = useT();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSearched(query.trim());
  }

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
          <Text role="status" size="sm" mt="xs" c="dimmed">
            {searched ? t('home.searchSoon', { query: searched }) : null}
          </Text>
        </form>
      </search>
      <Card withBorder padding="lg" radius="md">
        <Stack gap="xs">
          <Anchor component={Link} to="/tinh-thanh" fw={600} size="lg">
            {t('home.provincesCard')}
          </Anchor>
          <Text size="sm">{t('home.provincesCardLead')}</Text>
        </Stack>
      </Card>
    </Stack>
  );
}
