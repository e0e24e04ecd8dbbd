import { useLocale } from '@chiso/ui';
import { Alert, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CombinedError } from 'urql';
import { type ApiError, apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { fieldErrorOf } from './agencies-messages.js';

/** The outcome of a mutation: its typed error or transport error as state, with a success note. */
export function useOutcome() {
  const { locale } = useLocale();
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [transport, setTransport] = useState<string | null>(null);
  // The success note was written in the language of its moment: it goes when the reader switches language.
  useEffect(() => setNote(null), [locale]);
  return {
    error,
    settle(
      payload: { __typename?: string } | null | undefined,
      combined: CombinedError | undefined,
      ok: string,
    ) {
      const apiError = asApiError(payload);
      setError(apiError);
      setTransport(combined ? transportErrorText(combined, locale) : null);
      setNote(!apiError && !combined && payload ? ok : null);
      return !apiError && !combined && !!payload;
    },
    field: (name: string) => fieldErrorOf(error, name, locale),
    view: (testId: string) => (
      <>
        {error || transport ? (
          <Alert color="red" role="alert" data-testid={testId}>
            {error ? apiErrorText(error, locale) : transport}
          </Alert>
        ) : null}
        {note ? (
          <Text c="teal.9" role="status" fw={500}>
            {note}
          </Text>
        ) : null}
      </>
    ),
  };
}
