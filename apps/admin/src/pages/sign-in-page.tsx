import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useT } from '../messages.js';

/**
 * Sign-in form. The accounts module will provide a `login` mutation that sets a session cookie; until then the
 * form says it is not available.
 */
export function SignInPage() {
  const t = useT();
  const [submitted, setSubmitted] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={420} mx="auto">
      <form onSubmit={onSubmit}>
        <Stack>
          <Title order={2}>{t('signIn.heading')}</Title>
          <Text size="sm" c="dimmed">
            {t('signIn.lead')}
          </Text>
          <TextInput label={t('signIn.email')} type="email" autoComplete="username" required />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" required />
          <Button type="submit">{t('signIn.submit')}</Button>
          {submitted ? (
            <Alert color="yellow" role="status">
              <Text size="sm" c="dark.8">
                {t('signIn.unavailable')}
              </Text>
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
