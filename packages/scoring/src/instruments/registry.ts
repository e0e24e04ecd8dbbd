import { OMB_A11_280 } from './omb-a11-280.js';
import { SIPAS_2017 } from './sipas-2017.js';
import { TT01_2018_DOSSIER_EVALUATION } from './tt01-2018.js';
import type { Instrument } from './types.js';

/** The instruments shipped with the platform. Custom instruments live in the database, not here. */
export const INSTRUMENTS: readonly Instrument[] = Object.freeze([
  SIPAS_2017,
  TT01_2018_DOSSIER_EVALUATION,
  OMB_A11_280,
]);

/**
 * A built-in instrument by code and version; without a version, the latest (greatest version string in
 * numeric-aware order). Undefined when there is none.
 */
export function getInstrument(code: string, version?: string): Instrument | undefined {
  const candidates = INSTRUMENTS.filter(
    (instrument) => instrument.code === code && (version === undefined || instrument.version === version),
  );
  return candidates.sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];
}
