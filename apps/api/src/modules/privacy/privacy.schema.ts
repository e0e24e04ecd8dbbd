import { ForbiddenError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { FeedbackContactRef, FeedbackRef } from '../feedback/feedback.schema.js';
import {
  erasePersonalData,
  exportPersonalData,
  findPersonalData,
  type PersonalDataErasure,
  type PersonalDataExport,
  type PersonalDataMatch,
} from './privacy.service.js';

/** System admins everywhere; unit admins within the units and agencies they administer (checked per item). */
const DATA_ADMINS = { $any: { role: 'system_admin', $all: { role: 'unit_admin' } } };

const PersonalDataMatchRef = builder.objectRef<PersonalDataMatch>('PersonalDataMatch').implement({
  description:
    'Một phản ánh có liên hệ của người yêu cầu, với liên hệ đã giải mã. / One feedback item carrying the person’s contact, with the contact opened.',
  fields: (t) => ({
    feedback: t.field({
      type: FeedbackRef,
      description: 'Phản ánh mang liên hệ. / The feedback item carrying the contact.',
      resolve: (match) => match.feedback,
    }),
    contact: t.field({
      type: FeedbackContactRef,
      description: 'Liên hệ đã giải mã. / The contact, opened.',
      resolve: (match) => match.contact,
    }),
  }),
});

const PersonalDataExportRef = builder.objectRef<PersonalDataExport>('PersonalDataExport').implement({
  description: 'Bản sao dữ liệu cá nhân của một người (JSON). / A copy of a person’s personal data (JSON).',
  fields: (t) => ({
    json: t.exposeString('json', {
      description:
        'Tài liệu JSON (định dạng chiso.personal-data/1) để trao cho người yêu cầu. / The JSON document (format chiso.personal-data/1) to hand to the person.',
    }),
    items: t.exposeInt('items', { description: 'Số phản ánh trong bản sao. / Feedback items in the copy.' }),
  }),
});

const PersonalDataErasureRef = builder.objectRef<PersonalDataErasure>('PersonalDataErasure').implement({
  description: 'Kết quả xóa liên hệ theo yêu cầu. / The outcome of deleting contacts on request.',
  fields: (t) => ({
    erased: t.exposeInt('erased', { description: 'Số liên hệ đã xóa. / Contacts deleted.' }),
    codes: t.exposeStringList('codes', {
      description: 'Mã các phản ánh đã xóa liên hệ. / Codes of the feedback items whose contact was deleted.',
    }),
  }),
});

const PersonLookupInput = builder.inputType('PersonLookupInput', {
  description:
    'Người yêu cầu, theo email hoặc số điện thoại (ít nhất một). / The person asking, by email or phone (at least one).',
  fields: (t) => ({
    email: t.string({ description: 'Email của người yêu cầu. / The person’s email address.' }),
    phone: t.string({ description: 'Số điện thoại của người yêu cầu. / The person’s phone number.' }),
  }),
});

const ErasePersonalDataInput = builder.inputType('ErasePersonalDataInput', {
  description: 'Yêu cầu xóa liên hệ của một người. / A request to delete a person’s contacts.',
  fields: (t) => ({
    email: t.string({ description: 'Email của người yêu cầu. / The person’s email address.' }),
    phone: t.string({ description: 'Số điện thoại của người yêu cầu. / The person’s phone number.' }),
    reason: t.string({
      required: true,
      description:
        'Căn cứ xóa (ví dụ số văn bản yêu cầu), 5–500 ký tự; ghi vào nhật ký. / Grounds (e.g. the request’s reference), 5–500 characters; audited.',
    }),
  }),
});

builder.queryField('personalData', (t) =>
  t.field({
    type: [PersonalDataMatchRef],
    description:
      'Tìm liên hệ của một người trong các phản ánh (yêu cầu của chủ thể dữ liệu), trong phạm vi quản trị; mỗi lần tìm được ghi nhật ký. / Finds a person’s contacts in feedback (a data-subject request) within the viewer’s administration; every search is audited.',
    authScopes: DATA_ADMINS,
    args: {
      email: t.arg.string({ description: 'Email của người yêu cầu. / The person’s email address.' }),
      phone: t.arg.string({ description: 'Số điện thoại của người yêu cầu. / The person’s phone number.' }),
    },
    resolve: (_root, args, context) => findPersonalData(context, args),
  }),
);

builder.mutationField('exportPersonalData', (t) =>
  t.field({
    type: PersonalDataExportRef,
    description:
      'Xuất bản sao dữ liệu liên hệ và phản ánh của một người (JSON); ghi nhật ký từng phản ánh. / Exports a copy of a person’s contacts and feedback (JSON); audited per item.',
    authScopes: DATA_ADMINS,
    errors: {
      types: [ForbiddenError],
      union: { description: 'Kết quả xuất dữ liệu hoặc lỗi. / The export, or an error.' },
      result: { description: 'Xuất dữ liệu đã thực hiện. / The export, done.' },
      dataField: { description: 'Kết quả. / The outcome.' },
    },
    args: {
      input: t.arg({
        type: PersonLookupInput,
        required: true,
        description: 'Người yêu cầu. / The person asking.',
      }),
    },
    resolve: (_root, { input }, context) => exportPersonalData(context, input),
  }),
);

builder.mutationField('erasePersonalData', (t) =>
  t.field({
    type: PersonalDataErasureRef,
    description:
      'Xóa liên hệ của một người khỏi các phản ánh trong phạm vi quản trị (phản ánh vẫn được giữ, không còn liên hệ); ghi nhật ký. / Deletes a person’s contacts from the feedback within the viewer’s administration (the feedback stays, without the contact); audited.',
    authScopes: DATA_ADMINS,
    errors: {
      types: [ForbiddenError],
      union: { description: 'Kết quả xóa liên hệ hoặc lỗi. / The erasure, or an error.' },
      result: { description: 'Xóa liên hệ đã thực hiện. / The erasure, done.' },
      dataField: { description: 'Kết quả. / The outcome.' },
    },
    args: {
      input: t.arg({
        type: ErasePersonalDataInput,
        required: true,
        description: 'Người yêu cầu và căn cứ. / The person asking, and the grounds.',
      }),
    },
    resolve: (_root, { input }, context) => erasePersonalData(context, input, input.reason),
  }),
);
