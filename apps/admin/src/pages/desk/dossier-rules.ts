import type { ResultOf } from '../../graphql.js';
import { graphql } from '../../graphql.js';

export const DossierFields = graphql(`
  fragment DossierFields on Dossier @_unmask {
    id
    receiptCode
    agency {
      id
      code
      name
      nameEn
    }
    procedure {
      code
      name
      nameEn
    }
    case {
      name
      nameEn
    }
    channel
    state
    receivedAt
    dueAt
    finishedAt
    returnedAt
    clockStopped
    supplementRequested
    needsApology
    lateWithoutApology
    apology {
      reason
      newAppointment
    }
  }
`);

type DossierState = ResultOf<typeof DossierFields>['state'];
export type DeskAction =
  | 'START_PROCESSING'
  | 'REFUSE'
  | 'REQUEST_SUPPLEMENT'
  | 'SUPPLEMENT_RECEIVED'
  | 'REQUEST_PAYMENT'
  | 'PAYMENT_RECEIVED'
  | 'RESULT_READY'
  | 'RETURN_RESULT'
  | 'WITHDRAW'
  | 'STOP';

/**
 * The desk's legal moves (DOMAIN.md §3), as the API's `transitionDossier` checks them: each action and the states
 * it may start from. The API stays the judge (an illegal move returns a ConflictError); this only decides which
 * buttons to offer.
 */
export const LEGAL_FROM: Record<DeskAction, readonly DossierState[]> = {
  START_PROCESSING: ['RECEIVED'],
  REFUSE: ['REGISTERED_ONLINE', 'RECEIVED'],
  REQUEST_SUPPLEMENT: ['PROCESSING'],
  SUPPLEMENT_RECEIVED: ['SUPPLEMENT_REQUESTED'],
  REQUEST_PAYMENT: ['PROCESSING'],
  PAYMENT_RECEIVED: ['AWAITING_PAYMENT'],
  RESULT_READY: ['PROCESSING'],
  RETURN_RESULT: ['RESULT_READY'],
  WITHDRAW: ['REGISTERED_ONLINE', 'RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'],
  STOP: ['PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'],
};

/** Actions that must carry a note (the refusal's reason, every missing document, why processing stopped). */
export const NOTE_REQUIRED: ReadonlySet<DeskAction> = new Set(['REFUSE', 'REQUEST_SUPPLEMENT', 'STOP']);

/** Actions that end or set back the dossier: shown apart, in red. */
export const DESTRUCTIVE: ReadonlySet<DeskAction> = new Set(['REFUSE', 'WITHDRAW', 'STOP']);

const IN_PROGRESS: readonly DossierState[] = [
  'REGISTERED_ONLINE',
  'RECEIVED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_PAYMENT',
];

export function legalActions(dossier: { state: DossierState; supplementRequested: boolean }): DeskAction[] {
  return (Object.keys(LEGAL_FROM) as DeskAction[]).filter(
    (action) =>
      LEGAL_FROM[action].includes(dossier.state) &&
      // Form 02 may be sent only once.
      !(action === 'REQUEST_SUPPLEMENT' && dossier.supplementRequested),
  );
}

export function isOpen(state: DossierState): boolean {
  return IN_PROGRESS.includes(state);
}

/** An apology (form 04) may be sent while the dossier is in progress, before its due time, once. */
export function canApologize(
  dossier: { state: DossierState; dueAt: string | null; apology: unknown },
  now: Date,
): boolean {
  return (
    isOpen(dossier.state) &&
    dossier.apology === null &&
    dossier.dueAt !== null &&
    new Date(dossier.dueAt).getTime() > now.getTime()
  );
}

/** Open and past its due time (as the desk sees it now). */
export function isOverdue(dossier: { state: DossierState; dueAt: string | null }, now: Date): boolean {
  return isOpen(dossier.state) && dossier.dueAt !== null && new Date(dossier.dueAt).getTime() < now.getTime();
}
