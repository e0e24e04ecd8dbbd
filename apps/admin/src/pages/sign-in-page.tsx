import { useLocale } from '@chiso/ui';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../api-errors.js';
import { formatDateTime } from '../format.js';
import { graphql } from '../graphql.js';
import { useT } from '../messages.js';
import { useSession } from '../session.js';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on MutationLoginSuccess {
        data {
          expiresAt
          user {
            id
            displayName
          }
        }
      }
      ... on AccountLockedError {
        lockedUntil
      }
      ... on Error {
        message
        messageEn
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
          messageEn
        }
      }
    }
  }
`);

/** Sign-in with the API's `login` mutation; the session lives in an httpOnly cookie. */
export function SignInPage() {
  const t = useT();
  const { locale } = useLocale();
  const { viewer, refresh } = useSession();
  const location = useLocation();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (viewer) return <Navigate to={from} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    const result = await login({
      input: { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') },
    });
    const answer = result.data?.login;
    if (result.error || !answer) {
      setProblem(
        t('signIn.failed', { reason: result.error ? transportErrorText(result.error, locale) : '' }),
      );
      return;
    }
    switch (answer.__typename) {
      case 'MutationLoginSuccess':
        refresh();
        return;
      case 'InvalidCredentialsError':
        setProblem(t('signIn.invalid'));
        return;
      case 'AccountLockedError':
        setProblem(t('signIn.locked', { time: formatDateTime(answer.lockedUntil, locale) }));
        return;
      default: {
        const error = asApiError(answer);
        setProblem(error ? apiErrorText(error, locale) : t('signIn.invalid'));
      }
    }
  }

  return (
    <Paper withBorder p="xl" radius="md" maw={420} mx="auto">
      <form onSubmit={onSubmit} noValidate={false}>
        <Stack>
          <Title order={2}>{t('signIn.heading')}</Title>
          <Text size="sm" c="dimmed">
            {t('signIn.lead')}
          </Text>
          <TextInput name="email" label={t('signIn.email')} type="email" autoComplete="username" required />
          <PasswordInput
            name="password"
            label={t('signIn.password')}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={fetching}>
            {t('signIn.submit')}
          </Button>
          {problem ? (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              <Text size="sm" c="dark.8">
                {problem}
              </Text>
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
