import { useLocale } from '@chiso/ui';
import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ApiError, apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { codeAndName } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { DeskAgencySelect, useDeskAgency } from './desk-agency.js';
import { useDeskT } from './desk-messages.js';
import classes from './paper.module.css';

const PaperCampaignQuery = graphql(`
  query PaperCampaign($code: String!) {
    campaign(code: $code) {
      __typename
      ... on Campaign {
        id
        code
        name
        nameEn
        status
        startsOn
        endsOn
        instrument {
          id
          itemCount
          scale { min max }
          dimensions { code items { code text textEn } }
        }
      }
      ... on Error { message messageEn }
    }
  }
`);

const EnterPaperMutation = graphql(`
  mutation EnterPaperResponses(
    $campaignCode: String!
    $agencyCode: String!
    $batchKey: String!
    $collectedOn: Date
    $rows: [PaperResponseInput!]!
  ) {
    enterPaperResponses(
      campaignCode: $campaignCode
      agencyCode: $agencyCode
      batchKey: $batchKey
      collectedOn: $collectedOn
      rows: $rows
    ) {
      __typename
      ... on MutationEnterPaperResponsesSuccess {
        data {
          inserted
          alreadyRecorded
          responseIds
          campaign { id code name nameEn }
          agency { id code name nameEn }
        }
      }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
      ... on Error { message messageEn }
    }
  }
`);

type Campaign = Extract<
  NonNullable<ResultOf<typeof PaperCampaignQuery>['campaign']>,
  { __typename: 'Campaign' }
>;
type Saved = Extract<
  NonNullable<ResultOf<typeof EnterPaperMutation>['enterPaperResponses']>,
  { __typename: 'MutationEnterPaperResponsesSuccess' }
>['data'];
type Gender = '' | 'MALE' | 'FEMALE' | 'OTHER';

interface Form {
  key: number;
  answers: string[];
  gender: Gender;
}

/** Problems of one form: per item (by index) and for the form as a whole. */
interface FormProblems {
  items: Map<number, string>;
  other: string[];
}

/** A key for a new batch, kept while the officer retries it (the API stores each form once per key). */
function newBatchKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `paper-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Today in Vietnam (UTC+7), as YYYY-MM-DD. */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Paper questionnaires typed in by a desk officer in batches: one digit per item with the cursor moving on by
 * itself, the API's errors shown on the form and item they concern, all forms of a batch saved at once.
 */
export default function PaperPage() {
  const t = useDeskT();
  const { locale } = useLocale();
  const desk = useDeskAgency();
  const [search, setSearch] = useSearchParams();
  const campaignCode = search.get('campaign') ?? '';
  const [codeInput, setCodeInput] = useState(campaignCode);
  const [{ data, fetching, error }] = useQuery({
    query: PaperCampaignQuery,
    variables: { code: campaignCode },
    pause: campaignCode === '',
  });
  const found = data?.campaign;
  const campaign = found?.__typename === 'Campaign' ? found : null;

  return (
    <Stack>
      <Title order={2}>{t('paper.heading')}</Title>
      <Group align="flex-end">
        <DeskAgencySelect desk={desk} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSearch((previous) => {
              const next = new URLSearchParams(previous);
              next.set('campaign', codeInput.trim());
              return next;
            });
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('paper.campaign')}
              value={codeInput}
              onChange={(event) => setCodeInput(event.currentTarget.value)}
              required
            />
            <Button type="submit" variant="default" loading={fetching}>
              {t('paper.load')}
            </Button>
          </Group>
        </form>
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      {found && found.__typename !== 'Campaign' ? (
        <Alert color="yellow" role="alert">
          <Text size="sm" c="dark.8">
            {apiErrorText(asApiError(found) ?? { __typename: '' }, locale)}
          </Text>
        </Alert>
      ) : null}
      {campaign && desk.agency ? (
        <Batch key={`${campaign.id}:${desk.agency.id}`} campaign={campaign} agencyCode={desk.agency.code} />
      ) : null}
    </Stack>
  );
}

function Batch({ campaign, agencyCode }: { campaign: Campaign; agencyCode: string }) {
  const t = useDeskT();
  const { locale } = useLocale();
  const items = campaign.instrument.dimensions.flatMap((d) => d.items);
  const { min, max } = campaign.instrument.scale;
  const emptyForm = (key: number): Form => ({ key, answers: items.map(() => ''), gender: '' });
  const [forms, setForms] = useState<Form[]>(() => [emptyForm(1)]);
  const [nextKey, setNextKey] = useState(2);
  const [batchKey, setBatchKey] = useState(newBatchKey);
  const [collectedOn, setCollectedOn] = useState(todayInVietnam);
  const [problems, setProblems] = useState<Map<number, FormProblems>>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [state, enter] = useMutation(EnterPaperMutation);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);

  const focus = (formKey: number, index: number) => inputs.current.get(`${formKey}:${index}`)?.focus();

  function setAnswer(formIndex: number, index: number, value: string) {
    setForms((previous) =>
      previous.map((form, i) =>
        i === formIndex ? { ...form, answers: form.answers.map((a, j) => (j === index ? value : a)) } : form,
      ),
    );
    setProblems((previous) => {
      const mine = previous.get(formIndex);
      if (!mine?.items.has(index)) return previous;
      const next = new Map(previous);
      const itemsLeft = new Map(mine.items);
      itemsLeft.delete(index);
      next.set(formIndex, { ...mine, items: itemsLeft });
      return next;
    });
  }

  /** After a digit, the next item of the form, the next form, or the "add a form" button. */
  function advance(formIndex: number, index: number) {
    const form = forms[formIndex]!;
    if (index + 1 < items.length) focus(form.key, index + 1);
    else if (forms[formIndex + 1]) focus(forms[formIndex + 1]!.key, 0);
    else addButton.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, formIndex: number, index: number) {
    const form = forms[formIndex]!;
    if (/^[0-9]$/.test(event.key)) {
      event.preventDefault();
      setAnswer(formIndex, index, event.key);
      advance(formIndex, index);
    } else if (event.key === 'Backspace' && form.answers[index] === '' && index > 0) {
      event.preventDefault();
      setAnswer(formIndex, index - 1, '');
      focus(form.key, index - 1);
    } else if (event.key === 'ArrowRight' && index + 1 < items.length) {
      event.preventDefault();
      focus(form.key, index + 1);
    } else if (event.key === 'ArrowLeft' && index > 0) {
      event.preventDefault();
      focus(form.key, index - 1);
    }
  }

  function addForm() {
    const key = nextKey;
    setForms((previous) => [...previous, emptyForm(key)]);
    setNextKey(key + 1);
    // Focus the new form's first item once it is drawn.
    setTimeout(() => focus(key, 0), 0);
  }

  function removeForm(formIndex: number) {
    setForms((previous) => previous.filter((_, i) => i !== formIndex));
    setProblems(new Map());
  }

  async function save() {
    setRefusal(null);
    setProblems(new Map());
    const result = await enter({
      campaignCode: campaign.code,
      agencyCode,
      batchKey,
      collectedOn,
      rows: forms.map((form) => ({
        answers: form.answers.map((a) => (a === '' ? null : Number(a))),
        ...(form.gender ? { gender: form.gender } : {}),
      })),
    });
    if (result.error) {
      setRefusal(transportErrorText(result.error, locale));
      return;
    }
    const answer = result.data?.enterPaperResponses;
    if (answer?.__typename === 'MutationEnterPaperResponsesSuccess') {
      setSaved(answer.data);
      return;
    }
    const problem = asApiError(answer) as ApiError | null;
    const byForm = new Map<number, FormProblems>();
    const general: NonNullable<ApiError['fieldErrors']> = [];
    for (const fieldError of problem?.fieldErrors ?? []) {
      const [head, row, field, item] = fieldError.path;
      const message = locale === 'vi' ? fieldError.message : fieldError.messageEn;
      if (head !== 'rows' || row === undefined || !/^\d+$/.test(row)) {
        general.push(fieldError);
        continue;
      }
      const entry: FormProblems = byForm.get(Number(row)) ?? { items: new Map(), other: [] };
      if (field === 'answers' && item !== undefined && /^\d+$/.test(item)) {
        entry.items.set(Number(item), message);
      } else entry.other.push(message);
      byForm.set(Number(row), entry);
    }
    setProblems(byForm);
    if (byForm.size === 0 || general.length > 0) {
      setRefusal(
        t('paper.refused', {
          reason: problem ? apiErrorText({ ...problem, fieldErrors: general }, locale) : '',
        }),
      );
    }
    const first = [...byForm.entries()].sort(([a], [b]) => a - b)[0];
    const firstItem = first ? [...first[1].items.keys()].sort((a, b) => a - b)[0] : undefined;
    if (first && firstItem !== undefined && forms[first[0]]) focus(forms[first[0]]!.key, firstItem);
  }

  function newBatch() {
    setForms([emptyForm(nextKey)]);
    setNextKey(nextKey + 1);
    setBatchKey(newBatchKey());
    setProblems(new Map());
    setRefusal(null);
    setSaved(null);
  }

  if (saved) {
    return (
      <Paper
        withBorder
        p="md"
        component="section"
        aria-labelledby="paper-summary"
        data-testid="paper-summary"
      >
        <Stack>
          <Title order={3} size="h4" id="paper-summary">
            {t('paper.summary')}
          </Title>
          <Text role="status">
            {t('paper.saved', {
              inserted: saved.inserted,
              already: saved.alreadyRecorded,
              campaign: `${saved.campaign.code} — ${locale === 'vi' ? saved.campaign.name : saved.campaign.nameEn}`,
              agency: codeAndName(saved.agency, locale),
            })}
          </Text>
          <Group>
            <Button onClick={newBatch}>{t('paper.newBatch')}</Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  return (
    <Stack>
      <Text size="sm" data-testid="paper-campaign">
        {t('paper.campaignInfo', {
          name: `${campaign.code} — ${locale === 'vi' ? campaign.name : campaign.nameEn}`,
          from: campaign.startsOn,
          to: campaign.endsOn,
          items: items.length,
        })}
      </Text>
      {campaign.status === 'CLOSED' ? (
        <Alert color="yellow" role="alert">
          {t('paper.campaignClosed')}
        </Alert>
      ) : null}
      <Text size="sm">{t('paper.intro', { min, max })}</Text>
      <TextInput
        type="date"
        label={t('paper.collectedOn')}
        value={collectedOn}
        onChange={(event) => setCollectedOn(event.currentTarget.value)}
        maw={220}
        required
      />
      {forms.map((form, formIndex) => {
        const mine = problems.get(formIndex);
        const answered = form.answers.filter((a) => a !== '').length;
        const headingId = `paper-form-${form.key}`;
        const errorsId = `paper-form-${form.key}-errors`;
        const hasErrors = Boolean(mine && (mine.items.size > 0 || mine.other.length > 0));
        return (
          <Paper
            key={form.key}
            withBorder
            p="sm"
            component="section"
            aria-labelledby={headingId}
            data-testid="paper-form"
          >
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} size="h5" id={headingId}>
                  {t('paper.form', { n: formIndex + 1 })}
                </Title>
                <Text size="sm" c="dimmed" data-testid="paper-answered">
                  {t('paper.answered', { count: answered, total: items.length })}
                </Text>
              </Group>
              <div className={classes.answers}>
                {items.map((item, index) => {
                  const itemError = mine?.items.get(index);
                  const inputId = `paper-${form.key}-${index}`;
                  return (
                    <div key={item.code} className={classes.answer}>
                      <label htmlFor={inputId} title={locale === 'vi' ? item.text : item.textEn}>
                        {item.code}
                      </label>
                      <input
                        id={inputId}
                        ref={(element) => {
                          if (element) inputs.current.set(`${form.key}:${index}`, element);
                          else inputs.current.delete(`${form.key}:${index}`);
                        }}
                        aria-label={t('paper.answerLabel', { n: formIndex + 1, code: item.code })}
                        aria-invalid={itemError ? true : undefined}
                        aria-describedby={itemError ? errorsId : undefined}
                        inputMode="numeric"
                        autoComplete="off"
                        maxLength={1}
                        value={form.answers[index]}
                        onKeyDown={(event) => onKeyDown(event, formIndex, index)}
                        onChange={(event) => {
                          // Paste or mobile keyboards: keep the last digit typed.
                          const digit = event.currentTarget.value.replace(/\D/g, '').slice(-1);
                          setAnswer(formIndex, index, digit);
                        }}
                      />
                    </div>
                  );
                })}
              </div>
              <Group align="flex-end" justify="space-between">
                <NativeSelect
                  label={t('paper.gender')}
                  value={form.gender}
                  onChange={(event) => {
                    const gender = event.currentTarget.value as Gender;
                    setForms((previous) => previous.map((f, i) => (i === formIndex ? { ...f, gender } : f)));
                  }}
                  data={(['', 'MALE', 'FEMALE', 'OTHER'] as const).map((value) => ({
                    value,
                    label: t(value === '' ? 'paper.gender.none' : `paper.gender.${value}`),
                  }))}
                  maw={220}
                />
                {forms.length > 1 ? (
                  <Button variant="default" onClick={() => removeForm(formIndex)}>
                    {t('paper.removeForm', { n: formIndex + 1 })}
                  </Button>
                ) : null}
              </Group>
              {hasErrors && mine ? (
                <Alert
                  color="red"
                  role="alert"
                  id={errorsId}
                  title={t('paper.formErrors', { n: formIndex + 1 })}
                >
                  <List size="sm" c="dark.8" data-testid="paper-form-errors">
                    {[...mine.items.entries()]
                      .sort(([a], [b]) => a - b)
                      .map(([index, message]) => (
                        <List.Item key={index}>
                          {t('paper.itemError', { code: items[index]?.code ?? String(index + 1), message })}
                        </List.Item>
                      ))}
                    {mine.other.map((message) => (
                      <List.Item key={message}>{message}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
      {refusal ? (
        <Alert color="red" role="alert" data-testid="paper-refused">
          <Text size="sm" c="dark.8">
            {refusal}
          </Text>
        </Alert>
      ) : null}
      <Group>
        <Button ref={addButton} variant="default" onClick={addForm}>
          {t('paper.addForm')}
        </Button>
        <Button onClick={save} loading={state.fetching} disabled={campaign.status === 'CLOSED'}>
          {t('paper.save', { count: forms.length })}
        </Button>
      </Group>
    </Stack>
  );
}
