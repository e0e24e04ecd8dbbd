import { Anchor, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../messages.js';

export function NotFoundPage() {
  const t = useT();
  return (
    <Stack>
      <Title order={2}>{t('notFound.heading')}</Title>
      <Anchor component={Link} to="/">
        {t('notFound.back')}
      </Anchor>
    </Stack>
  );
}
