import { useLocale, useLocalized } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { paths } from '../app-paths.js';
import { newIdempotencyKey } from '../format.js';
import { graphql } from '../graphql.js';
import { useT } from '../messages.js';
import { vietnamDate } from './feedback-labels.js';

const FeedbackAgenciesQuery = graphql(`
  query FeedbackAgencies {
    agencies(first: 100) {
      edges {
        node {
          code
          name
          nameEn
        }
      }
    }
  }
`);

const SubmitFeedbackMutation = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      __typename
      ... on MutationSubmitFeedbackSuccess {
        data {
          code
          dueAt
        }
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
          messageEn
        }
      }
      ... on TooManyRequestsError {
        retryAfterSeconds
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

type Subject = 'PROCEDURE' | 'AGENCY' | 'DOSSIER' | 'OTHER';
const SUBJECTS: Subject[] = ['PROCEDURE', 'AGENCY', 'DOSSIER', 'OTHER'];

/** `['input', 'contact', 'phone']` → `contact.phone`: where a field error belongs. */
function fieldOf(path: readonly string[]): string {
  return path.filter((part) => part !== 'input').join('.');
}

/** Send feedback (PAKN) about a procedure, an agency, a dossier or something else; anonymous or with consent. */
export default function FeedbackPage() {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const client = useClient();
  const [params] = useSearchParams();
  const [subject, setSubject] = useState<Subject>('PROCEDURE');
  const [procedureCode, setProcedureCode] = useState(params.get('thu-tuc') ?? '');
  const [agencyCode, setAgencyCode] = useState('');
  const [receiptCode, setReceiptCode] = useState('');
  const [pin, setPin] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ code: string; dueAt: string | null } | null>(null);
  const receiptRef = useRef<HTMLHeadingElement>(null);
  const [{ data: agencies }] = useQuery({ query: FeedbackAgenciesQuery });

  useEffect(() => {
    document.title = `${t('feedback.heading')} — ${t('app.title')}`;
  }, [t]);
  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    const result = await client
      .mutation(SubmitFeedbackMutation, {
        input: {
          subject,
          title,
          body,
          idempotencyKey,
          anonymous,
          procedureCode: subject === 'PROCEDURE' ? procedureCode.trim() : null,
          agencyCode: subject === 'AGENCY' || subject === 'OTHER' ? agencyCode || null : null,
          dossierReceiptCode: subject === 'DOSSIER' ? receiptCode.trim() : null,
          dossierPin: subject === 'DOSSIER' ? pin.trim() : null,
          contact: anonymous ? null : { name, phone: phone || null, email: email || null },
          consent: anonymous ? null : consent,
          channel: 'PORTAL',
        },
      })
      .toPromise();
    setBusy(false);
    const outcome = result.data?.submitFeedback;
    if (!outcome) return setFormError(t('common.networkError'));
    if (outcome.__typename === 'MutationSubmitFeedbackSuccess') {
      setErrors({});
      setReceipt({ code: outcome.data.code, dueAt: outcome.data.dueAt ?? null });
      setIdempotencyKey(newIdempotencyKey());
      return;
    }
    if (outcome.__typename === 'ValidationError') {
      const next: Record<string, string> = {};
      for (const e of outcome.fieldErrors)
        next[fieldOf(e.path)] ??= locale === 'en' ? e.messageEn : e.message;
      setErrors(next);
      return setFormError(t('feedback.fixErrors'));
    }
    if (outcome.__typename === 'TooManyRequestsError')
      return setFormError(t('common.retryAfter', { seconds: outcome.retryAfterSeconds }));
    return setFormError(locale === 'en' ? outcome.messageEn : outcome.message);
  }

  if (receipt) {
    return (
      <Paper withBorder p="lg" radius="md" data-testid="feedback-receipt">
        <Stack gap="sm">
          <Title order={2} ref={receiptRef} tabIndex={-1}>
            {t('feedback.receivedHeading')}
          </Title>
          <Text>{t('feedback.receiptLead')}</Text>
          <Text fz={22} fw={700} data-testid="feedback-code" style={{ whiteSpace: 'nowrap' }}>
            {receipt.code}
          </Text>
          {receipt.dueAt ? (
            <Text>{t('feedback.dueAt', { date: vietnamDate(receipt.dueAt, locale) })}</Text>
          ) : null}
          <Anchor component={Link} to={paths.feedbackStatus(receipt.code)}>
            {t('feedback.followLink')}
          </Anchor>
          <Button variant="default" onClick={() => setReceipt(null)} w="fit-content">
            {t('feedback.another')}
          </Button>
        </Stack>
      </Paper>
    );
  }

  const agencyOptions = [
    { value: '', label: t('feedback.chooseAgency') },
    ...(agencies?.agencies?.edges ?? []).map((edge) => ({
      value: edge.node.code,
      label: localized({ vi: edge.node.name, en: edge.node.nameEn }),
    })),
  ];

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2}>{t('feedback.heading')}</Title>
        <Text>{t('feedback.lead')}</Text>
        <Group>
          <Anchor component={Link} to={paths.publishedFeedback}>
            {t('feedback.publishedLink')}
          </Anchor>
        </Group>
      </Stack>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={560}>
          <Radio.Group
            label={t('feedback.subject')}
            value={subject}
            onChange={(value) => setSubject(value as Subject)}
          >
            <Stack gap="xs" mt="xs">
              {SUBJECTS.map((s) => (
                <Radio key={s} value={s} label={t(`feedback.subject.${s}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {subject === 'PROCEDURE' ? (
            <TextInput
              label={t('feedback.procedureCode')}
              description={t('feedback.procedureCodeHint')}
              value={procedureCode}
              onChange={(e) => setProcedureCode(e.currentTarget.value)}
              error={errors.procedureCode}
              required
            />
          ) : null}
          {subject === 'AGENCY' || subject === 'OTHER' ? (
            <NativeSelect
              label={t('feedback.agency')}
              value={agencyCode}
              onChange={(e) => setAgencyCode(e.currentTarget.value)}
              data={agencyOptions}
              error={errors.agencyCode}
              required
            />
          ) : null}
          {subject === 'DOSSIER' ? (
            <>
              <TextInput
                label={t('dossier.receiptCode')}
                value={receiptCode}
                onChange={(e) => setReceiptCode(e.currentTarget.value)}
                error={errors.dossierReceiptCode}
                required
              />
              <PasswordInput
                label={t('dossier.pin')}
                value={pin}
                onChange={(e) => setPin(e.currentTarget.value)}
                error={errors.dossierPin}
                required
                inputMode="numeric"
              />
            </>
          ) : null}
          <TextInput
            label={t('feedback.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
          />
          <Textarea
            label={t('feedback.body')}
            description={t('feedback.bodyHint')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            autosize
            minRows={5}
            required
          />
          <Checkbox
            label={t('feedback.anonymous')}
            description={t('feedback.anonymousHint')}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          {!anonymous ? (
            <Paper withBorder p="md" radius="md" component="fieldset" m={0}>
              <Text component="legend" fw={600} px={4}>
                {t('feedback.contactHeading')}
              </Text>
              <Stack gap="sm">
                <TextInput
                  label={t('feedback.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors['contact.name']}
                  autoComplete="name"
                  required
                />
                <TextInput
                  label={t('feedback.phone')}
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  error={errors['contact.phone'] ?? errors.contact}
                  type="tel"
                  autoComplete="tel"
                />
                <TextInput
                  label={t('feedback.email')}
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errors['contact.email']}
                  type="email"
                  autoComplete="email"
                />
                <Checkbox
                  label={t('feedback.consent')}
                  checked={consent}
                  onChange={(e) => setConsent(e.currentTarget.checked)}
                  error={errors.consent}
                />
              </Stack>
            </Paper>
          ) : null}
          {formError ? (
            <Alert color="red" role="alert" data-testid="feedback-error">
              {formError}
            </Alert>
          ) : null}
          <Button type="submit" size="md" loading={busy} w="fit-content">
            {t('feedback.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
