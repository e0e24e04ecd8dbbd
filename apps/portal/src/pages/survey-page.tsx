import { useLocale, useLocalized } from '@chiso/ui';
import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.js';
import { useT } from '../messages.js';
import {
  loadSurveyDraft,
  newSurveyDraft,
  SURVEY_COMMENT_LIMIT,
  type SurveyDraft,
  saveSurveyDraft,
} from '../survey-draft.js';

const SurveyFormFields = graphql(`
  fragment SurveyFormFields on SurveyForm @_unmask {
    campaign {
      code
      name
      nameEn
    }
    instrument {
      code
      name
      nameEn
      scale {
        levels {
          value
          label
          labelEn
        }
      }
      dimensions {
        code
        name
        nameEn
        items {
          code
          ordinal
          text
          textEn
        }
      }
    }
  }
`);

const SurveyQuery = graphql(
  `
  query SurveyByToken($token: String!) {
    surveyByToken(token: $token) {
      __typename
      ... on SurveyForm {
        ...SurveyFormFields
      }
      ... on SurveyTokenError {
        problem
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`,
  [SurveyFormFields],
);

const OpenSurveyMutation = graphql(
  `
  mutation OpenSurvey($campaignCode: String!) {
    openSurvey(campaignCode: $campaignCode, channel: ONLINE) {
      __typename
      ... on MutationOpenSurveySuccess {
        data {
          ...SurveyFormFields
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
`,
  [SurveyFormFields],
);

const SubmitSurveyMutation = graphql(`
  mutation SubmitSurvey($input: SubmitSurveyResponseInput!) {
    submitSurveyResponse(input: $input) {
      __typename
      ... on MutationSubmitSurveyResponseSuccess {
        data {
          responseId
          thanks
          thanksEn
        }
      }
      ... on SurveyTokenError {
        problem
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

type Form = ResultOf<typeof SurveyFormFields>;
/** Where the answers go: a single-use token (receipt, sample) or an open campaign's public link. */
type SurveySource = { token: string } | { campaignCode: string };

/** The device's draft key of a source (an open campaign's drafts never clash with a token's). */
function draftKeyOf(source: SurveySource): string {
  return 'token' in source ? source.token : `mo:${source.campaignCode}`;
}
type Instrument = Form['instrument'];
type Item = Instrument['dimensions'][number]['items'][number] & { dimension: string };

const AGE_BANDS = ['18-29', '30-39', '40-49', '50-59', '60+'];
const EDUCATION = ['primary', 'secondary', 'vocational', 'university'] as const;

type SubmitProblem =
  | { kind: 'network' }
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'token'; problem: string }
  | { kind: 'other'; message: string };

function TokenProblem({ problem }: { problem: string }) {
  const t = useT();
  const text =
    problem === 'USED'
      ? t('survey.tokenUsed')
      : problem === 'EXPIRED'
        ? t('survey.tokenExpired')
        : problem === 'CLOSED'
          ? t('survey.closed')
          : t('survey.tokenUnknown');
  return (
    <Alert color="orange" role="alert" title={t('survey.cannotAnswer')} data-testid="survey-problem">
      {text}
    </Alert>
  );
}

function ThankYou({ thanks }: { thanks: string }) {
  const t = useT();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="survey-thanks">
      <Stack gap="sm">
        <Title order={2}>{t('survey.thanksHeading')}</Title>
        <Text>{thanks}</Text>
        <Text>{t('survey.whatHappens')}</Text>
        <Text size="sm" c="dimmed">
          {t('survey.privacy')}
        </Text>
      </Stack>
    </Paper>
  );
}

function Question({
  item,
  number,
  total,
  value,
  levels,
  onChange,
  autoFocus,
}: {
  item: Item;
  number: number;
  total: number;
  value: number | null;
  levels: Instrument['scale']['levels'];
  onChange: (value: number) => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const localized = useLocalized();
  // Most satisfied first, as on the paper form.
  const ordered = [...levels].sort((a, b) => b.value - a.value);
  return (
    <Radio.Group
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(Number(v))}
      label={
        <Text component="span" fw={600}>
          <Text component="span" c="dimmed" size="sm" display="block">
            {t('survey.questionNumber', { number, total })}
          </Text>
          {localized({ vi: item.text, en: item.textEn })}
        </Text>
      }
      data-testid={`question-${item.code}`}
    >
      <Stack gap="xs" mt="xs">
        {ordered.map((level, index) => (
          <Radio
            key={level.value}
            value={String(level.value)}
            label={localized({ vi: level.label, en: level.labelEn })}
            size="md"
            data-autofocus={autoFocus && index === 0 ? true : undefined}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function About({ draft, update }: { draft: SurveyDraft; update: (change: Partial<SurveyDraft>) => void }) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('survey.aboutHeading')}
      </Title>
      <Text size="sm">{t('survey.aboutLead')}</Text>
      <NativeSelect
        label={t('survey.gender')}
        value={draft.gender ?? ''}
        onChange={(e) => update({ gender: (e.currentTarget.value || null) as SurveyDraft['gender'] })}
        data={[
          { value: '', label: t('survey.noAnswer') },
          { value: 'FEMALE', label: t('survey.gender.FEMALE') },
          { value: 'MALE', label: t('survey.gender.MALE') },
          { value: 'OTHER', label: t('survey.gender.OTHER') },
        ]}
      />
      <NativeSelect
        label={t('survey.ageBand')}
        value={draft.ageBand ?? ''}
        onChange={(e) => update({ ageBand: e.currentTarget.value || null })}
        data={[
          { value: '', label: t('survey.noAnswer') },
          ...AGE_BANDS.map((band) => ({ value: band, label: band })),
        ]}
      />
      <NativeSelect
        label={t('survey.education')}
        value={draft.education ?? ''}
        onChange={(e) => update({ education: e.currentTarget.value || null })}
        data={[
          { value: '', label: t('survey.noAnswer') },
          ...EDUCATION.map((level) => ({ value: level, label: t(`survey.education.${level}`) })),
        ]}
      />
      <Textarea
        label={t('survey.comment')}
        description={t('survey.commentHint')}
        value={draft.comment ?? ''}
        onChange={(e) => update({ comment: e.currentTarget.value.slice(0, SURVEY_COMMENT_LIMIT) })}
        maxLength={SURVEY_COMMENT_LIMIT}
        autosize
        minRows={3}
        maxRows={8}
        data-testid="survey-comment"
      />
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="survey-comment-count">
        {t('survey.commentCount', {
          count: (draft.comment ?? '').length,
          limit: SURVEY_COMMENT_LIMIT,
        })}
      </Text>
    </Stack>
  );
}

function SurveyForm({ source, form }: { source: SurveySource; form: Form }) {
  const token = draftKeyOf(source);
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const client = useClient();
  const phone = useMediaQuery('(max-width: 48em)', true, { getInitialValueInEffect: false });
  const items = useMemo<Item[]>(
    () =>
      form.instrument.dimensions
        .flatMap((d) => d.items.map((item) => ({ ...item, dimension: d.code })))
        .sort((a, b) => a.ordinal - b.ordinal),
    [form.instrument.dimensions],
  );
  const [draft, setDraft] = useState<SurveyDraft>(
    () => loadSurveyDraft(token, items.length) ?? newSurveyDraft(items.length),
  );
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SubmitProblem | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => saveSurveyDraft(token, draft), [token, draft]);

  function update(change: Partial<SurveyDraft>) {
    setDraft((current) => ({ ...current, ...change }));
  }
  function answer(index: number, value: number) {
    setDraft((current) => {
      const answers = [...current.answers];
      answers[index] = value;
      return { ...current, answers };
    });
  }
  function go(step: number) {
    update({ step });
    headingRef.current?.focus();
  }

  async function submit() {
    setBusy(true);
    setProblem(null);
    const result = await client
      .mutation(SubmitSurveyMutation, {
        input: {
          ...source,
          idempotencyKey: draft.idempotencyKey,
          answers: draft.answers,
          gender: draft.gender,
          ageBand: draft.ageBand,
          education: draft.education,
          freeText: draft.comment?.trim() || null,
          startedAt: draft.startedAt,
          channel: 'ONLINE',
        },
      })
      .toPromise();
    setBusy(false);
    const outcome = result.data?.submitSurveyResponse;
    if (!outcome) return setProblem({ kind: 'network' });
    switch (outcome.__typename) {
      case 'MutationSubmitSurveyResponseSuccess':
        update({ submitted: { thanks: outcome.data.thanks, thanksEn: outcome.data.thanksEn } });
        window.scrollTo({ top: 0 });
        return;
      case 'SurveyTokenError':
        return setProblem({ kind: 'token', problem: outcome.problem });
      case 'SurveyClosedError':
        return setProblem({ kind: 'token', problem: 'CLOSED' });
      case 'TooManyRequestsError':
        return setProblem({ kind: 'rateLimited', seconds: outcome.retryAfterSeconds });
      default:
        return setProblem({ kind: 'other', message: locale === 'en' ? outcome.messageEn : outcome.message });
    }
  }

  if (draft.submitted) {
    return <ThankYou thanks={localized({ vi: draft.submitted.thanks, en: draft.submitted.thanksEn })} />;
  }

  const answered = draft.answers.filter((a) => a !== null).length;
  const total = items.length;
  const onAbout = draft.step >= total;
  const progress = phone
    ? Math.round((Math.min(draft.step, total) / total) * 100)
    : Math.round((answered / total) * 100);

  const progressText =
    phone && !onAbout
      ? t('survey.progressStep', { number: draft.step + 1, total })
      : t('survey.progressAnswered', { answered, total });

  const problemAlert = problem ? (
    problem.kind === 'token' ? (
      <TokenProblem problem={problem.problem} />
    ) : (
      <Alert color="red" role="alert" data-testid="survey-submit-error">
        {problem.kind === 'network'
          ? t('survey.networkError')
          : problem.kind === 'rateLimited'
            ? t('common.retryAfter', { seconds: problem.seconds })
            : problem.message}
      </Alert>
    )
  ) : null;

  const submitButton = (
    <Button size="md" onClick={submit} loading={busy} data-testid="survey-submit">
      {problem?.kind === 'network' ? t('survey.retry') : t('survey.submit')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {localized({ vi: form.campaign.name, en: form.campaign.nameEn })}
        </Text>
        <Title order={2} ref={headingRef} tabIndex={-1}>
          {localized({ vi: form.instrument.name, en: form.instrument.nameEn })}
        </Title>
        <Text size="sm">{t('survey.lead')}</Text>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" data-testid="survey-progress" aria-live="polite">
          {progressText}
        </Text>
        <Progress.Root size="md">
          <Progress.Section value={progress} aria-label={progressText} />
        </Progress.Root>
      </Stack>

      {phone ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            {onAbout ? (
              <About draft={draft} update={update} />
            ) : (
              <Question
                key={items[draft.step]!.code}
                item={items[draft.step]!}
                number={draft.step + 1}
                total={total}
                value={draft.answers[draft.step] ?? null}
                levels={form.instrument.scale.levels}
                onChange={(value) => answer(draft.step, value)}
              />
            )}
            {problemAlert}
            <Group justify="space-between" wrap="nowrap">
              <Button
                variant="default"
                size="md"
                onClick={() => go(draft.step - 1)}
                disabled={draft.step === 0}
              >
                {t('survey.back')}
              </Button>
              {onAbout ? (
                submitButton
              ) : (
                <Button size="md" onClick={() => go(draft.step + 1)}>
                  {draft.answers[draft.step] === null ? t('survey.skip') : t('survey.next')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="lg">
          {form.instrument.dimensions.map((dimension) => (
            <Paper key={dimension.code} withBorder p="md" radius="md" component="fieldset" m={0}>
              <Text component="legend" fw={700} px={4}>
                {localized({ vi: dimension.name, en: dimension.nameEn })}
              </Text>
              <Stack gap="lg">
                {items
                  .map((item, index) => ({ item, index }))
                  .filter(({ item }) => item.dimension === dimension.code)
                  .map(({ item, index }) => (
                    <Question
                      key={item.code}
                      item={item}
                      number={index + 1}
                      total={total}
                      value={draft.answers[index] ?? null}
                      levels={form.instrument.scale.levels}
                      onChange={(value) => answer(index, value)}
                    />
                  ))}
              </Stack>
            </Paper>
          ))}
          <Paper withBorder p="md" radius="md">
            <About draft={draft} update={update} />
          </Paper>
          {problemAlert}
          <Group>{submitButton}</Group>
        </Stack>
      )}
      <Text size="sm" c="dimmed">
        {t('survey.saved')}
      </Text>
    </Stack>
  );
}

/** Rate the service: the form behind a token (QR code on the receipt), answers kept on the device until sent. */
export default function SurveyPage() {
  const t = useT();
  const { token = '' } = useParams();
  const stored = useMemo(() => loadSurveyDraft(token, 0), [token]);
  const [{ data, fetching, error }] = useQuery({
    query: SurveyQuery,
    variables: { token },
    pause: Boolean(stored?.submitted),
  });
  const localized = useLocalized();

  useEffect(() => {
    document.title = `${t('survey.documentTitle')} — ${t('app.title')}`;
  }, [t]);

  // Answered already on this device: the token is spent, the thanks stay.
  if (stored?.submitted) {
    return <ThankYou thanks={localized({ vi: stored.submitted.thanks, en: stored.submitted.thanksEn })} />;
  }
  const result = data?.surveyByToken;
  return (
    <Stack gap="md">
      {fetching && !data ? <Loader aria-label={t('common.loading')} /> : null}
      {error && !data ? (
        <Alert color="red" role="alert">
          {t('common.networkError')}
        </Alert>
      ) : null}
      {result?.__typename === 'SurveyTokenError' ? <TokenProblem problem={result.problem} /> : null}
      {result?.__typename === 'SurveyClosedError' ? <TokenProblem problem="CLOSED" /> : null}
      {result?.__typename === 'ValidationError' ? <TokenProblem problem="UNKNOWN" /> : null}
      {result?.__typename === 'SurveyForm' ? <SurveyForm source={{ token }} form={result} /> : null}
    </Stack>
  );
}

/**
 * An open campaign's public link (`/khao-sat/mo/<code>`, on posters as a QR code): opening it counts one offer and
 * returns the form; the answers go to the campaign, rate-limited per source by the API.
 */
export function OpenSurveyPage() {
  const t = useT();
  const { code = '' } = useParams();
  const source = useMemo(() => ({ campaignCode: code }), [code]);
  const stored = useMemo(() => loadSurveyDraft(draftKeyOf(source), 0), [source]);
  const client = useClient();
  const localized = useLocalized();
  const [outcome, setOutcome] = useState<
    ResultOf<typeof OpenSurveyMutation>['openSurvey'] | 'network' | null
  >(null);
  const opened = useRef('');

  useEffect(() => {
    document.title = `${t('survey.documentTitle')} — ${t('app.title')}`;
  }, [t]);

  useEffect(() => {
    // One offer per visit of this code, even when React runs the effect twice.
    if (stored?.submitted || opened.current === code) return;
    opened.current = code;
    client
      .mutation(OpenSurveyMutation, { campaignCode: code })
      .toPromise()
      .then((result) => setOutcome(result.data?.openSurvey ?? 'network'));
  }, [client, code, stored]);

  if (stored?.submitted) {
    return <ThankYou thanks={localized({ vi: stored.submitted.thanks, en: stored.submitted.thanksEn })} />;
  }
  return (
    <Stack gap="md">
      {outcome === null ? <Loader aria-label={t('common.loading')} /> : null}
      {outcome === 'network' ? (
        <Alert color="red" role="alert">
          {t('common.networkError')}
        </Alert>
      ) : null}
      {outcome !== null && outcome !== 'network' && outcome.__typename === 'MutationOpenSurveySuccess' ? (
        <SurveyForm source={source} form={outcome.data} />
      ) : null}
      {outcome !== null && outcome !== 'network' && outcome.__typename === 'SurveyClosedError' ? (
        <TokenProblem problem="CLOSED" />
      ) : null}
      {outcome !== null && outcome !== 'network' && outcome.__typename === 'NotFoundError' ? (
        <TokenProblem problem="UNKNOWN" />
      ) : null}
      {outcome !== null && outcome !== 'network' && outcome.__typename === 'TooManyRequestsError' ? (
        <Alert color="red" role="alert">
          {t('common.retryAfter', { seconds: outcome.retryAfterSeconds })}
        </Alert>
      ) : null}
    </Stack>
  );
}
