import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import '../modules/platform/platform.schema.js';
import '../modules/units/units.schema.js';

builder.queryType({
  description: 'Chỉ số: đo lường dịch vụ công. / Chỉ số: measuring public services.',
});

export const schema = builder.toSchema({ sortSchema: true });
