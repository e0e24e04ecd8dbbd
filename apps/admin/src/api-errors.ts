import type { Locale } from '@chiso/ui';
import type { CombinedError } from 'urql';

/** A typed error of the API (`… on Error { message messageEn }`), maybe with field errors. */
export interface ApiError {
  __typename: string;
  message?: string;
  messageEn?: string;
  fieldErrors?: { path: string[]; message: string; messageEn: string }[];
}

/** The union member a mutation or query returned, if it is one of the API's typed errors. */
export function asApiError(result: { __typename?: string } | null | undefined): ApiError | null {
  if (!result?.__typename?.endsWith('Error')) return null;
  return result as ApiError;
}

/** The error's text in the reader's language, with its field errors after it. */
export function apiErrorText(error: ApiError, locale: Locale): string {
  const main = (locale === 'vi' ? error.message : error.messageEn) ?? error.__typename;
  const fields = (error.fieldErrors ?? []).map((f) => (locale === 'vi' ? f.message : f.messageEn));
  return [main, ...fields.filter((text) => text !== main)].join(' ');
}

/** A transport or GraphQL error (network down, server error) as a short text. */
export function transportErrorText(error: CombinedError, locale: Locale): string {
  if (error.networkError) {
    return locale === 'vi' ? 'Không kết nối được máy chủ.' : 'The server could not be reached.';
  }
  return error.graphQLErrors.map((e) => e.message).join(' ');
}
