import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import '../modules/units/units.schema.js';
import '../modules/surveys/instruments.schema.js';
import '../modules/surveys/surveys.schema.js';

builder.queryType({
  description: 'Chỉ số: đo lường dịch vụ công. / Chỉ số: measuring public services.',
});

builder.mutationType({
  description: 'Các thao tác ghi. / Operations that change data.',
});

export const schema = builder.toSchema({ sortSchema: true });
