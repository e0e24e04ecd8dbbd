import { useLocale } from '@chiso/ui';
import { Alert, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../api-errors.js';
import { FormCard } from '../components/form-card.js';
import { graphql } from '../graphql.js';
import { useGrantsText, useT } from '../messages.js';
import { useSession } from '../session.js';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on MutationChangePasswordSuccess {
        data
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

/** The signed-in user's account: who they are, their roles, a password change. */
export default function AccountPage() {
  const t = useT();
  const grantsText = useGrantsText();
  const { locale } = useLocale();
  const { viewer } = useSession();
  const [{ fetching }, changePassword] = useMutation(ChangePasswordMutation);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('confirmPassword') ?? '')) {
      setOutcome({ ok: false, text: t('account.mismatch') });
      return;
    }
    const result = await changePassword({
      input: { currentPassword: String(form.get('currentPassword') ?? ''), newPassword },
    });
    const answer = result.data?.changePassword;
    if (answer?.__typename === 'MutationChangePasswordSuccess') {
      formElement.reset();
      setOutcome({ ok: true, text: t('account.changed', { count: answer.data }) });
      return;
    }
    const error = asApiError(answer);
    setOutcome({
      ok: false,
      text: error
        ? apiErrorText(error, locale)
        : result.error
          ? transportErrorText(result.error, locale)
          : '',
    });
  }

  if (!viewer) return null;
  return (
    <Stack maw={520}>
      <Title order={2}>{t('account.heading')}</Title>
      <Text fw={600}>{viewer.displayName}</Text>
      <Text size="sm">{t('account.email', { email: viewer.email })}</Text>
      <Text size="sm">
        {t('home.roles')}: {grantsText(viewer.grants)}
      </Text>
      <FormCard
        id="password-heading"
        title={t('account.changePassword')}
        onSubmit={onSubmit}
        submitLabel={t('account.submit')}
        submitting={fetching}
        after={
          outcome ? (
            <Alert color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
              <Text size="sm" c="dark.8">
                {outcome.text}
              </Text>
            </Alert>
          ) : null
        }
      >
        <PasswordInput
          name="currentPassword"
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
        />
        <PasswordInput
          name="newPassword"
          label={t('account.newPassword')}
          description={t('account.newPasswordHint')}
          autoComplete="new-password"
          minLength={10}
          required
        />
        <PasswordInput
          name="confirmPassword"
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          required
        />
      </FormCard>
    </Stack>
  );
}
