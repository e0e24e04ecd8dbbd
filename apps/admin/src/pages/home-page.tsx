import { Stack, Text, Title } from '@mantine/core';
import { useT } from '../messages.js';

export function HomePage() {
  const t = useT();
  return (
    <Stack maw={720}>
      <Title order={2}>{t('home.heading')}</Title>
      <Text>{t('home.lead')}</Text>
    </Stack>
  );
}
