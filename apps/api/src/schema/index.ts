import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import '../modules/units/units.schema.js';
import '../modules/agencies/agencies.schema.js';
import '../modules/procedures/procedures.schema.js';

builder.queryType({
  description: 'Chỉ số: đo lường dịch vụ công. / Chỉ số: measuring public services.',
});
builder.mutationType({ description: 'Thay đổi dữ liệu. / Changes.' });

export const schema = builder.toSchema({ sortSchema: true });
