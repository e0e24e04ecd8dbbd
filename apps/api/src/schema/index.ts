import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import '../modules/units/units.schema.js';
import '../modules/indices/indices.schema.js';

builder.queryType({
  description: 'Chỉ số: đo lường dịch vụ công. / Chỉ số: measuring public services.',
});

builder.mutationType({
  description: 'Các thao tác ghi. / Write operations.',
});

export const schema = builder.toSchema({ sortSchema: true });
