import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../messages.js';

/** Shown on a route the viewer's roles do not open (the API refuses the data anyway). */
export function NotAllowedPage() {
  const t = useT();
  return (
    <Stack maw={640} data-testid="not-allowed">
      <Title order={2}>{t('notAllowed.heading')}</Title>
      <Text>{t('notAllowed.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notAllowed.home')}
      </Anchor>
    </Stack>
  );
}
