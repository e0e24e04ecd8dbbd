import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useUiT } from '../i18n/ui-messages.js';

/** What a lazily loaded page shows while its code arrives: a spinner, announced to screen readers. */
export function PageLoading() {
  const t = useUiT();
  return (
    <Center role="status" py="xl">
      <Loader />
      <VisuallyHidden>{t('page.loading')}</VisuallyHidden>
    </Center>
  );
}
