import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';

/** Types that have no `id`: they are only ever embedded in a parent, so Graphcache keys them as `null`. */
const EMBEDDED_TYPES = [
  'UnitSuccession',
  'Platform',
  'FieldError',
  'NotFoundError',
  'ValidationError',
  'ForbiddenError',
  'ConflictError',
  'InvalidCredentialsError',
  'AccountLockedError',
  'TooManyRequestsError',
  'SignIn',
  'PageInfo',
  'DossierEvent',
  'DossierApology',
  'DossierResult',
  'ReceiveDossierResult',
  'IssuedSurveyToken',
  'ProcedureCase',
  'ProcedureField',
  'ProcedureDocument',
  'ProcedureFee',
  'ProcedureImportReport',
  'ImportRowReport',
  'ImportCellError',
  'IndexReport',
  'IndexFigure',
  'IndexChange',
  'IndexChanges',
  'IndexCoverage',
  'IndexPreviousPeriod',
  'IndexPeriod',
  'IndexInstrument',
  'MetricDefinition',
  'IndexBreakdown',
  'IndexBreakdownGroup',
  'Ranking',
  'RankingEntry',
  'ServiceIndex',
  'ServiceIndexGroup',
  'ServiceIndexIndicator',
  'TimelinessReport',
  'TimelinessRow',
  'CampaignCoverage',
  'CampaignSettings',
  'RollupRebuild',
  'SurveyImportResult',
  'ImportRowError',
  'SampleTokens',
  'SampleToken',
  'InstrumentDimension',
  'InstrumentItem',
  'FeedbackEvent',
];

/**
 * urql with Graphcache: a normalized cache, so an object edited by one screen is up to date on every other.
 * Types without an `id` name their key here (or `null` when they are only ever embedded in a parent).
 */
export const urqlClient = new Client({
  url: '/graphql',
  // POST: the API's CSRF prevention refuses simple GET requests (urql sends queries as GET by default).
  preferGetMethod: false,
  // The session cookie rides along on same-origin requests.
  fetchOptions: { credentials: 'same-origin' },
  exchanges: [
    cacheExchange({
      keys: {
        AdministrativeLevel: (level) => (level.code as string | undefined) ?? null,
        Region: (region) => (region.code as string | undefined) ?? null,
        ...Object.fromEntries(EMBEDDED_TYPES.map((type) => [type, () => null])),
      },
      updates: {
        Mutation: {
          // A new dossier, a new snapshot, an imported catalog: lists that may now differ are fetched again.
          receiveDossier: (_result, _args, cache) => invalidateField(cache, 'dossierQueue'),
          transitionDossier: (_result, _args, cache) => invalidateField(cache, 'dossierQueue'),
          returnResult: (_result, _args, cache) => invalidateField(cache, 'dossierQueue'),
          freezeIndexSnapshot: (_result, _args, cache) => invalidateField(cache, 'indexSnapshots'),
          importProcedures: (_result, _args, cache) => invalidateField(cache, 'procedures'),
          createCampaign: (_result, _args, cache) => invalidateField(cache, 'campaigns'),
          closeCampaign: (_result, _args, cache) => invalidateField(cache, 'campaigns'),
          publishInstrument: (_result, _args, cache) => invalidateField(cache, 'instruments'),
          // Rollups rebuilt or responses imported: every figure read from rollups is fetched again.
          rebuildRollups: (_result, _args, cache) => invalidateFields(cache, ROLLUP_FIGURES),
          importSurveyResponses: (_result, _args, cache) => invalidateFields(cache, ROLLUP_FIGURES),
          classifyFeedback: (_result, _args, cache) => invalidateField(cache, 'feedbackInbox'),
          transferFeedback: (_result, _args, cache) => invalidateField(cache, 'feedbackInbox'),
          answerFeedback: (_result, _args, cache) => invalidateField(cache, 'feedbackInbox'),
          publishFeedbackAnswer: (_result, _args, cache) => invalidateField(cache, 'feedbackInbox'),
          rejectFeedback: (_result, _args, cache) => invalidateField(cache, 'feedbackInbox'),
        },
      },
    }),
    fetchExchange,
  ],
});

/** Query fields whose figures come from survey rollups. */
const ROLLUP_FIGURES = ['indexReport', 'indexBreakdown', 'ranking', 'unitIndexHistory', 'campaignCoverage'];

type InspectableCache = Parameters<typeof invalidateField>[0];

function invalidateFields(cache: InspectableCache, fieldNames: readonly string[]): void {
  for (const fieldName of fieldNames) invalidateField(cache, fieldName);
}

function invalidateField(
  cache: {
    inspectFields: (entity: string) => { fieldName: string; fieldKey: string }[];
    invalidate: (entity: string, field: string) => void;
  },
  fieldName: string,
): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldKey);
  }
}
