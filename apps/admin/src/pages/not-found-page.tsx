import { Title } from '@mantine/core';
import { useT } from '../messages.js';

export function NotFoundPage() {
  const t = useT();
  return <Title order={2}>{t('notFound.heading')}</Title>;
}
