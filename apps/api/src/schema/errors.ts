import {
  type AppError,
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
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
    message: t.exposeString('message', { description: 'Thông báo tiếng Việt. / Vietnamese message.' }),
    messageEn: t.exposeString('messageEn', { description: 'Thông báo tiếng Anh. / English message.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'Dữ liệu nhập không hợp lệ. / The input is not valid.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorRef],
      description:
        'Mọi lỗi của dữ liệu nhập, mỗi lỗi kèm đường dẫn trường. / Every error of the input, each with its field path.',
      resolve: (error) => error.fieldErrors,
    }),
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
  description:
    'Yêu cầu mâu thuẫn với trạng thái hiện tại (chuyển trạng thái không hợp lệ, trùng lặp, khóa đã dùng). / The request conflicts with the current state (illegal transition, duplicate, reused key).',
  interfaces: [ErrorInterface],
});

builder.objectType(TooManyRequestsError, {
  name: 'TooManyRequestsError',
  description:
    'Quá nhiều yêu cầu hoặc lần thử từ một nguồn. / Too many requests or attempts from one source.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', {
      description: 'Số giây phải chờ. / Seconds to wait before trying again.',
    }),
  }),
});
