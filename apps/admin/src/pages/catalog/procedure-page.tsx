import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Loader,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { FormCard } from '../../components/form-card.js';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';
import { paths, procedurePath } from '../../paths.js';
import { useOutcome } from '../agencies/mutation-outcome.js';
import { useCatalogT } from './catalog-messages.js';

const ProcedureFields = graphql(`
  fragment EditableProcedure on Procedure @_unmask {
    id
    code
    name
    nameEn
    level
    onlineLevel
    timeBasis
    resultDocument
    legalBasis
    announcementDecision
    announcedOn
    publishedOn
    field { code name nameEn }
    cases { id ordinal name nameEn processingDays processingDaysOnline calendarDays }
    documents { ordinal name nameEn originals copies reusable note }
    fees { name nameEn amountVnd note }
  }
`);

const ProcedureQuery = graphql(
  `
  query AdminProcedure($code: String!) {
    procedure(code: $code) {
      __typename
      ...EditableProcedure
      ... on Error { message messageEn }
    }
  }
`,
  [ProcedureFields],
);

const UpdateMutation = graphql(
  `
  mutation AdminUpdateProcedure($code: String!, $input: UpdateProcedureInput!) {
    updateProcedure(code: $code, input: $input) {
      __typename
      ... on MutationUpdateProcedureSuccess { data { ...EditableProcedure } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`,
  [ProcedureFields],
);

type Procedure = Extract<
  NonNullable<ResultOf<typeof ProcedureQuery>['procedure']>,
  { __typename: 'Procedure' }
>;
type Input = VariablesOf<typeof UpdateMutation>['input'];
type Level = NonNullable<Input['level']>;
type OnlineLevel = NonNullable<Input['onlineLevel']>;
type TimeBasis = NonNullable<Input['timeBasis']>;
const LEVELS: Level[] = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'];
const ONLINE_LEVELS: OnlineLevel[] = ['FULL', 'PARTIAL', 'NONE'];
const TIME_BASES: TimeBasis[] = ['WORKING_DAYS', 'CALENDAR_DAYS'];

/** One procedure of the catalog, editable: its general information, cases, documents and fees. */
export default function ProcedurePage() {
  const t = useCatalogT();
  const { locale } = useLocale();
  const { code = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ProcedureQuery, variables: { code } });
  const result = data?.procedure;
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={paths.catalog} size="sm">
        {t('proc.back')}
      </Anchor>
      <Title order={2}>{t('catalog.edit', { code })}</Title>
      {fetching && !data ? <Loader size="sm" aria-hidden /> : null}
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      {result && result.__typename !== 'Procedure' ? (
        <Alert color="yellow" role="alert">
          {t('proc.notFound', { reason: apiErrorText(asApiError(result) ?? { __typename: '' }, locale) })}
        </Alert>
      ) : null}
      {result?.__typename === 'Procedure' ? <ProcedureForms key={result.id} procedure={result} /> : null}
    </Stack>
  );
}

/** Saves part of a procedure; a new code moves the page to its new address. */
function useSave(procedure: Procedure) {
  const t = useCatalogT();
  const navigate = useNavigate();
  const [{ fetching }, update] = useMutation(UpdateMutation);
  const outcome = useOutcome();
  async function save(input: Input) {
    const result = await update({ code: procedure.code, input });
    const payload = result.data?.updateProcedure;
    if (
      outcome.settle(payload, result.error, t('proc.saved')) &&
      payload?.__typename === 'MutationUpdateProcedureSuccess' &&
      payload.data.code !== procedure.code
    ) {
      navigate(procedurePath(payload.data.code), { replace: true });
    }
  }
  return { save, fetching, outcome };
}

type List = 'cases' | 'documents' | 'fees';

function ProcedureForms({ procedure }: { procedure: Procedure }) {
  const t = useCatalogT();
  const column = (key: string, label: string, kind: Column['kind'], more: Partial<Column> = {}): Column => ({
    key,
    label,
    kind,
    ...more,
  });
  const names = [
    column('name', t('proc.col.name'), 'text', { required: true, width: 280 }),
    column('nameEn', t('proc.col.nameEn'), 'text', { width: 220 }),
  ];
  const note = column('note', t('proc.col.note'), 'text', { width: 160 });
  const lists: { list: List; title: string; columns: Column[]; items: Row[] }[] = [
    {
      list: 'cases',
      title: t('proc.cases'),
      columns: [
        ...names,
        column('processingDays', t('proc.col.days'), 'number'),
        column('processingDaysOnline', t('proc.col.daysOnline'), 'number'),
      ],
      // A calendar-day case keeps its days in `calendarDays`; the input takes them as `processingDays`.
      items: procedure.cases.map((c) => ({ ...c, processingDays: c.processingDays ?? c.calendarDays })),
    },
    {
      list: 'documents',
      title: t('proc.documents'),
      columns: [
        ...names,
        column('originals', t('proc.col.originals'), 'number', { required: true, blank: 1 }),
        column('copies', t('proc.col.copies'), 'number', { required: true }),
        column('reusable', t('proc.col.reusable'), 'check'),
        note,
      ],
      items: procedure.documents,
    },
    {
      list: 'fees',
      title: t('proc.fees'),
      columns: [...names, column('amountVnd', t('proc.col.amount'), 'number', { required: true }), note],
      items: procedure.fees,
    },
  ];
  return (
    <>
      <GeneralForm procedure={procedure} />
      {lists.map((entry) => (
        <ListForm key={entry.list} procedure={procedure} {...entry} />
      ))}
    </>
  );
}

/** A form field's trimmed text, or null when empty. */
function formText(form: FormData, name: string): string | null {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
}

function GeneralForm({ procedure }: { procedure: Procedure }) {
  const t = useCatalogT();
  const { save, fetching, outcome } = useSave(procedure);
  const f = outcome.field;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = formText(form, 'code');
    await save({
      code: code !== procedure.code ? code : null,
      name: formText(form, 'name'),
      nameEn: formText(form, 'nameEn'),
      level: formText(form, 'level') as Level,
      onlineLevel: formText(form, 'onlineLevel') as OnlineLevel,
      timeBasis: formText(form, 'timeBasis') as TimeBasis,
      resultDocument: formText(form, 'resultDocument'),
      legalBasis: formText(form, 'legalBasis'),
      announcementDecision: formText(form, 'announcementDecision'),
      announcedOn: formText(form, 'announcedOn'),
      publishedOn: formText(form, 'publishedOn'),
    });
  }
  return (
    <FormCard
      id="general-heading"
      title={t('proc.general')}
      onSubmit={submit}
      noValidate
      submitLabel={t('proc.save')}
      submitting={fetching}
      after={outcome.view('general-error')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          name="code"
          label={t('catalog.col.code')}
          defaultValue={procedure.code}
          error={f('code')}
        />
        <TextInput name="name" label={t('proc.name')} defaultValue={procedure.name} error={f('name')} />
        <TextInput
          name="nameEn"
          label={t('proc.nameEn')}
          defaultValue={procedure.nameEn ?? ''}
          error={f('nameEn')}
        />
        <NativeSelect
          name="level"
          label={t('catalog.level')}
          defaultValue={procedure.level}
          data={LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))}
        />
        <NativeSelect
          name="onlineLevel"
          label={t('catalog.onlineLevel')}
          defaultValue={procedure.onlineLevel}
          data={ONLINE_LEVELS.map((v) => ({ value: v, label: t(`online.${v}`) }))}
        />
        <NativeSelect
          name="timeBasis"
          label={t('proc.timeBasis')}
          defaultValue={procedure.timeBasis}
          data={TIME_BASES.map((v) => ({ value: v, label: t(`timeBasis.${v}`) }))}
        />
        <TextInput
          name="resultDocument"
          label={t('proc.resultDocument')}
          defaultValue={procedure.resultDocument ?? ''}
          error={f('resultDocument')}
        />
        <TextInput
          name="legalBasis"
          label={t('proc.legalBasis')}
          defaultValue={procedure.legalBasis ?? ''}
          error={f('legalBasis')}
        />
        <TextInput
          name="announcementDecision"
          label={t('proc.announcementDecision')}
          defaultValue={procedure.announcementDecision ?? ''}
          error={f('announcementDecision')}
        />
        <TextInput
          name="announcedOn"
          type="date"
          label={t('proc.announcedOn')}
          defaultValue={procedure.announcedOn ?? ''}
          error={f('announcedOn')}
        />
        <TextInput
          name="publishedOn"
          type="date"
          label={t('proc.publishedOn')}
          defaultValue={procedure.publishedOn ?? ''}
          error={f('publishedOn')}
        />
      </SimpleGrid>
    </FormCard>
  );
}

type Value = string | number | boolean | null;
type Row = Record<string, Value>;
type Column = {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'check';
  /** Must be given: text is sent even when empty (the API names it), an empty number as 0. */
  required?: boolean;
  /** Least width of the column in pixels. */
  width?: number;
  /** Value of a new row (default: empty, or unticked). */
  blank?: Value;
};

/** A row as the editor holds it: text as strings ('' when empty), numbers or null, ticks. */
function editable(item: Row, columns: Column[]): Row {
  return Object.fromEntries(
    columns.map((c) => [c.key, c.kind === 'text' ? (item[c.key] ?? '') : (item[c.key] ?? null)]),
  );
}

/** A row as the API takes it: empty optional text as null, an empty required number as 0. */
function toInputRow(row: Row, columns: Column[]): Row {
  return Object.fromEntries(
    columns.map((c) => {
      const value = row[c.key] ?? null;
      if (c.kind === 'text') {
        const text = typeof value === 'string' ? value.trim() : '';
        // A required text goes as it is, even empty, so the API names the row and column at fault.
        return [c.key, text || (c.required ? '' : null)];
      }
      return [c.key, value === null && c.required ? 0 : value];
    }),
  );
}

/**
 * A list of the procedure (cases, documents or fees) as editable rows; saving sends the whole list, which the API
 * puts in place of the old one in one transaction. A field error names its row and column.
 */
function ListForm({
  procedure,
  list,
  title,
  columns,
  items,
}: {
  procedure: Procedure;
  list: List;
  title: string;
  columns: Column[];
  items: Row[];
}) {
  const id = `${list}-heading`;
  const testId = `procedure-${list}`;
  const t = useCatalogT();
  const { locale } = useLocale();
  const { save, fetching, outcome } = useSave(procedure);
  const [rows, setRows] = useState<Row[]>(() => items.map((item) => editable(item, columns)));
  function set(index: number, key: string, value: Value) {
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  }
  /** The API's message for one cell: its path ends with the row's index and the column's name. */
  function cellError(index: number, key: string): string | undefined {
    const found = outcome.error?.fieldErrors?.find(
      (e) => e.path[e.path.length - 2] === String(index) && e.path[e.path.length - 1] === key,
    );
    if (!found) return undefined;
    return locale === 'vi' ? found.message : found.messageEn;
  }
  return (
    <FormCard
      id={id}
      title={title}
      onSubmit={(event) => {
        event.preventDefault();
        void save({ [list]: rows.map((row) => toInputRow(row, columns)) } as Input);
      }}
      noValidate
      submitLabel={t('proc.save')}
      submitting={fetching}
      testId={testId}
      after={outcome.view(`${testId}-error`)}
    >
      <Text size="sm" c="dimmed">
        {t('proc.listHint')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('proc.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40}>
                  #
                </Table.Th>
                {columns.map((column) => (
                  <Table.Th scope="col" key={column.key} miw={column.width}>
                    {column.label}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('proc.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                // Rows have no identity of their own (the list is replaced as a whole): their values live in
                // state, so a position is key enough.
                <Table.Tr key={index}>
                  <Table.Td>{index + 1}</Table.Td>
                  {columns.map((column) => {
                    const label = t('proc.rowLabel', { column: column.label, n: index + 1 });
                    const error = cellError(index, column.key);
                    const value: Value | undefined = row[column.key];
                    return (
                      <Table.Td key={column.key}>
                        {column.kind === 'check' ? (
                          <Checkbox
                            aria-label={label}
                            checked={value === true}
                            onChange={(event) => set(index, column.key, event.currentTarget.checked)}
                          />
                        ) : column.kind === 'number' ? (
                          <NumberInput
                            aria-label={label}
                            value={typeof value === 'number' ? value : ''}
                            min={0}
                            error={error}
                            onChange={(next) =>
                              set(index, column.key, typeof next === 'number' ? next : null)
                            }
                          />
                        ) : (
                          <TextInput
                            aria-label={label}
                            value={typeof value === 'string' ? value : ''}
                            required={column.required}
                            error={error}
                            onChange={(event) => set(index, column.key, event.currentTarget.value)}
                          />
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => setRows((previous) => previous.filter((_, i) => i !== index))}
                    >
                      {t('proc.remove', { n: index + 1 })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <div>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            setRows((previous) => [
              ...previous,
              Object.fromEntries(
                columns.map((c) => [
                  c.key,
                  c.blank ?? (c.kind === 'text' ? '' : c.kind === 'check' ? false : null),
                ]),
              ),
            ])
          }
        >
          {t('proc.add')}
        </Button>
      </div>
    </FormCard>
  );
}
