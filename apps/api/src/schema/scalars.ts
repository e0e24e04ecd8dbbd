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
