import { builder } from './builder.js';
import { describeGeneratedTypes } from './descriptions.js';
import './scalars.js';
import './errors.js';
import '../modules/platform/platform.schema.js';
import '../modules/units/units.schema.js';
import '../modules/calendars/calendars.schema.js';
import '../modules/dossiers/dossiers.schema.js';
import '../modules/feedback/feedback.schema.js';
import '../modules/accounts/accounts.schema.js';
import '../modules/agencies/agencies.schema.js';
import '../modules/procedures/procedures.schema.js';
import '../modules/surveys/instruments.schema.js';
import '../modules/surveys/surveys.schema.js';
import '../modules/indices/indices.schema.js';
import '../modules/service-index/service-index.schema.js';
import '../modules/privacy/privacy.schema.js';

builder.queryType({
  description: 'Chỉ số: đo lường dịch vụ công. / Chỉ số: measuring public services.',
});
builder.mutationType({
  description: 'Các thao tác ghi. / Write operations.',
});

export const schema = describeGeneratedTypes(builder.toSchema({ sortSchema: true }));
