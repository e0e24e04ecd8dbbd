import {
  type AppError,
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.js';
import { builder } from './builder.js';

/** Shared by every typed error, so clients can always select `... on Error { code message messageEn }`. */
export const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  description: 'Một lỗi người dùng có thể xử lý. / An error the client can act on.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'Thông báo tiếng Việt. / Message in Vietnamese.' }),
    messageEn: t.exposeString('messageEn', { description: 'Message in English.' }),
    code: t.exposeString('code', { description: 'Stable machine-readable code.' }),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'Một giá trị nhập sai và lý do. / One invalid input value and why.',
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description: 'Path of the input, starting with the argument name, e.g. ["asOf"].',
    }),
    message: t.exposeString('message'),
    messageEn: t.exposeString('messageEn'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'Dữ liệu nhập không hợp lệ. / The input is not valid.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorRef], resolve: (error) => error.fieldErrors }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Không tìm thấy đối tượng được yêu cầu. / The requested object does not exist.',
  interfaces: [ErrorInterface],
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Không đủ quyền. / Not allowed.',
  interfaces: [ErrorInterface],
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Yêu cầu xung đột với trạng thái hiện tại. / The request conflicts with the current state.',
  interfaces: [ErrorInterface],
});
