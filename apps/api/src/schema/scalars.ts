import { GraphQLError, Kind } from 'graphql';
import { isCivilDate } from '../civil-date.js';
import { builder } from './builder.js';

function notAString(): GraphQLError {
  return new GraphQLError('Ngày phải là một chuỗi dạng YYYY-MM-DD.', {
    extensions: { code: 'BAD_USER_INPUT', messageEn: 'A date must be a string written YYYY-MM-DD.' },
  });
}

/**
 * `Date`: a calendar date without time zone, 'YYYY-MM-DD'. Output is checked strictly. Input only has to be a
 * string here; its calendar validity is checked by the argument's rule (`civilDateInput`), so that a client gets
 * a typed `ValidationError` with the argument's path rather than a request-level failure.
 */
builder.scalarType('Date', {
  description:
    'Ngày theo lịch, dạng YYYY-MM-DD, không kèm múi giờ. / A calendar date, YYYY-MM-DD, without time zone.',
  serialize: (value) => {
    if (typeof value !== 'string' || !isCivilDate(value)) {
      throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw notAString();
    return value;
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw notAString();
    return node.value;
  },
});

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  const instant = typeof value === 'string' && DATE_TIME.test(value) ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new GraphQLError(
      'Thời điểm phải viết theo ISO 8601 kèm múi giờ, ví dụ 2025-01-24T15:00:00+07:00.',
      {
        extensions: {
          code: 'BAD_USER_INPUT',
          messageEn: 'An instant must be ISO 8601 with an offset, e.g. 2025-01-24T15:00:00+07:00.',
        },
      },
    );
  }
  return instant;
}

/** `DateTime`: an instant, written ISO 8601 with an offset (`Z` or `+07:00`); output in UTC (`…Z`). */
builder.scalarType('DateTime', {
  description:
    'Thời điểm theo ISO 8601 kèm múi giờ, trả về theo UTC. / An instant, ISO 8601 with an offset; output in UTC.',
  serialize: (value) => {
    const instant = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(instant.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return instant.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (node) => parseDateTime(node.kind === Kind.STRING ? node.value : null),
});
