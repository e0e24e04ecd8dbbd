import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { codeAndName, formatDateTime, formatNumber, localName } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { dossierPath } from '../../paths.js';
import { QrCode } from '../../qr-code.js';
import { DeskAgencySelect, useDeskAgency } from './desk-agency.js';
import { useDeskT } from './desk-messages.js';
import { DossierFields } from './dossier-rules.js';
import classes from './receipt.module.css';

const AgencyProceduresQuery = graphql(`
  query DeskAgencyProcedures($code: String!) {
    agency(code: $code) {
      __typename
      ... on Agency {
        id
        procedures(first: 100) {
          edges {
            node {
              id
              code
              name
              nameEn
              cases {
                ordinal
                name
                nameEn
                processingDays
                processingDaysOnline
                calendarDays
              }
            }
          }
        }
      }
    }
  }
`);

const ReceiveMutation = graphql(
  `
  mutation ReceiveDossier($agencyId: ID!, $procedureId: ID!, $channel: DossierChannel!, $organisation: Boolean) {
    receiveDossier(agencyId: $agencyId, procedureId: $procedureId, channel: $channel, organisation: $organisation) {
      __typename
      ... on MutationReceiveDossierSuccess {
        data {
          pin
          dossier {
            ...DossierFields
          }
        }
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
`,
  [DossierFields],
);

type Channel = 'IN_PERSON' | 'ONLINE' | 'POSTAL';
const CHANNELS: Channel[] = ['IN_PERSON', 'ONLINE', 'POSTAL'];
type Received = Extract<
  NonNullable<ResultOf<typeof ReceiveMutation>['receiveDossier']>,
  { __typename: 'MutationReceiveDossierSuccess' }
>['data'];

/** Form 01: receive a dossier at the desk and print its receipt with the tracking PIN. */
export default function ReceiveDossierPage() {
  const t = useDeskT();
  const { locale } = useLocale();
  const desk = useDeskAgency();
  const [{ data }] = useQuery({
    query: AgencyProceduresQuery,
    variables: { code: desk.agency?.code ?? '' },
    pause: !desk.agency,
  });
  const [{ fetching }, receive] = useMutation(ReceiveMutation);
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel>('IN_PERSON');
  const [organisation, setOrganisation] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [received, setReceived] = useState<Received | null>(null);

  const procedures =
    data?.agency.__typename === 'Agency' ? data.agency.procedures.edges.map((e) => e.node) : [];
  const procedure = procedures.find((p) => p.id === procedureId) ?? null;
  const multipleCases = (procedure?.cases.length ?? 0) > 1;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!desk.agency || !procedure) return;
    setProblem(null);
    const result = await receive({
      agencyId: desk.agency.id,
      procedureId: procedure.id,
      channel,
      organisation,
    });
    const answer = result.data?.receiveDossier;
    if (answer?.__typename === 'MutationReceiveDossierSuccess') {
      setReceived(answer.data);
      return;
    }
    const error = asApiError(answer);
    setProblem(
      error ? apiErrorText(error, locale) : result.error ? transportErrorText(result.error, locale) : '',
    );
  }

  if (received) {
    return (
      <Receipt
        received={received}
        onAnother={() => {
          setReceived(null);
          setProcedureId(null);
        }}
      />
    );
  }

  return (
    <Stack maw={760}>
      <Title order={2}>{t('receive.heading')}</Title>
      <form onSubmit={onSubmit}>
        <Stack>
          <DeskAgencySelect desk={desk} />
          <Select
            label={t('receive.procedure')}
            placeholder={t('receive.procedureSearch')}
            searchable
            required
            nothingFoundMessage="—"
            value={procedureId}
            onChange={setProcedureId}
            data={procedures.map((p) => ({ value: p.id, label: codeAndName(p, locale) }))}
            maxDropdownHeight={320}
            data-testid="procedure-select"
          />
          {procedure ? (
            <Paper withBorder p="sm" radius="sm">
              <Text size="sm" fw={600}>
                {t('receive.case')}
              </Text>
              {procedure.cases.map((c) => (
                <Text size="sm" key={c.ordinal}>
                  {localName(c, locale)}
                  {c.processingDays !== null
                    ? ` — ${t('receive.days', { days: formatNumber(channel === 'ONLINE' ? (c.processingDaysOnline ?? c.processingDays) : c.processingDays, locale, c.processingDays % 1 ? 1 : 0) })}`
                    : ''}
                </Text>
              ))}
              {multipleCases ? (
                <Alert color="yellow" mt="xs">
                  <Text size="sm" c="dark.8">
                    {t('receive.multipleCases')}
                  </Text>
                </Alert>
              ) : null}
            </Paper>
          ) : null}
          <Radio.Group
            label={t('receive.channel')}
            value={channel}
            onChange={(v) => setChannel(v as Channel)}
          >
            <Group mt={4}>
              {CHANNELS.map((c) => (
                <Radio key={c} value={c} label={t(`channel.${c}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox
            label={t('receive.organisation')}
            checked={organisation}
            onChange={(event) => setOrganisation(event.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={fetching} disabled={!procedure || multipleCases}>
              {t('receive.submit')}
            </Button>
          </Group>
          {problem ? (
            <Alert color="red" role="alert">
              <Text size="sm" c="dark.8">
                {problem}
              </Text>
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Stack>
  );
}

function Receipt({ received, onAnother }: { received: Received; onAnother: () => void }) {
  const t = useDeskT();
  const { locale } = useLocale();
  const { dossier, pin } = received;
  const portal = `${window.location.origin}/`;
  // The portal's tracking page fills the receipt code from `?ma=`; the applicant types the PIN. Once the result
  // is returned, the same page asks for the single-use survey link (`requestDossierSurvey`).
  const trackUrl = `${window.location.origin}/tra-cuu-ho-so?ma=${encodeURIComponent(dossier.receiptCode)}`;
  const rows: [string, string][] = [
    [t('receipt.procedure'), codeAndName(dossier.procedure, locale)],
    [t('receipt.case'), dossier.case ? localName(dossier.case, locale) : '—'],
    [t('receipt.channel'), t(`channel.${dossier.channel}`)],
    [t('receipt.receivedAt'), formatDateTime(dossier.receivedAt, locale)],
    [t('receipt.dueAt'), formatDateTime(dossier.dueAt, locale)],
  ];
  return (
    <Stack maw={760}>
      <Paper withBorder p="xl" radius="md" className={classes.receipt} data-testid="receipt">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {localName(dossier.agency, locale)}
          </Text>
          <Title order={2}>{t('receipt.heading')}</Title>
          <Text size="xs" c="dimmed">
            {t('receipt.form')}
          </Text>
          <SimpleGrid cols={2}>
            <div>
              <Text size="sm">{t('receipt.code')}</Text>
              <Text ff="monospace" fw={700} size="xl" data-testid="receipt-code">
                {dossier.receiptCode}
              </Text>
            </div>
            <div>
              <Text size="sm">{t('receipt.pin')}</Text>
              <Text ff="monospace" fw={700} size="xl" data-testid="receipt-pin">
                {pin}
              </Text>
            </div>
          </SimpleGrid>
          <dl className={classes.fields}>
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <Group align="center" wrap="nowrap" gap="md">
            <QrCode value={trackUrl} label={t('receipt.qr')} size={120} />
            <Text size="sm">{t('receipt.track', { url: portal })}</Text>
          </Group>
        </Stack>
      </Paper>
      <Alert color="yellow" className={classes.noPrint}>
        <Text size="sm" c="dark.8">
          {t('receipt.pinNote')}
        </Text>
      </Alert>
      <Group className={classes.noPrint}>
        <Button onClick={() => window.print()}>{t('receipt.print')}</Button>
        <Button component={Link} to={dossierPath(dossier.id)} variant="default">
          {t('receipt.open')}
        </Button>
        <Anchor component="button" type="button" onClick={onAnother}>
          {t('receive.another')}
        </Anchor>
      </Group>
    </Stack>
  );
}
