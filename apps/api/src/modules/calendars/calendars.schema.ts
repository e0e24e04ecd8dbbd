import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { builder } from '../../schema/builder.js';
import { civilDateInput, stringRule } from '../../schema/input-rules.js';
import { AdministrativeUnitRef } from '../units/units.schema.js';
import {
  type EffectiveDay,
  getWorkCalendarYear,
  removeCalendarDay,
  setCalendarDay,
  type WorkCalendarYear,
} from './calendars.service.js';

export const CalendarDayKindEnum = builder.enumType('CalendarDayKind', {
  description: 'Loại ngày trong lịch. / Kind of a calendar entry.',
  values: {
    HOLIDAY: { value: 'holiday', description: 'Ngày nghỉ (lễ, Tết, nghỉ bù). / A day off.' },
    WORKING_DAY: {
      value: 'working_day',
      description: 'Ngày làm việc (làm bù, hoặc đơn vị làm việc vào ngày lễ). / A working day.',
    },
  } as const,
});

export const CalendarDaySourceEnum = builder.enumType('CalendarDaySource', {
  description: 'Nguồn của một ngày trong lịch. / Where a calendar entry comes from.',
  values: {
    RULE: { value: 'rule', description: 'Theo Bộ luật Lao động. / By the Labour Code rule.' },
    ANNOUNCEMENT: { value: 'announcement', description: 'Theo thông báo hằng năm. / Yearly announcement.' },
    MANUAL: { value: 'manual', description: 'Nhập tay. / Entered by hand.' },
  } as const,
});

export const CalendarEditSourceEnum = builder.enumType('CalendarEditSource', {
  description: 'Nguồn của một ngày do đơn vị nhập. / Source of an entry made by a unit.',
  values: {
    ANNOUNCEMENT: {
      description:
        'Theo thông báo hằng năm của Chính phủ hoặc tỉnh. / From a yearly announcement (government or province).',
      value: 'announcement',
    },
    MANUAL: { description: 'Nhập tay vì lý do khác. / Entered by hand for another reason.', value: 'manual' },
  } as const,
});

export const CalendarOriginEnum = builder.enumType('CalendarOrigin', {
  description: 'Lịch đã đặt ngày này. / The calendar that set this day.',
  values: {
    NATIONAL: { value: 'national', description: 'Lịch quốc gia. / The national calendar.' },
    UNIT: { value: 'unit', description: 'Lịch của đơn vị (hoặc cấp trên). / A unit calendar.' },
    AGENCY: { value: 'agency', description: 'Lịch riêng của cơ quan. / The agency’s own calendar.' },
  } as const,
});

const OpeningWindowRef = builder.objectRef<readonly [string, string]>('OpeningWindow').implement({
  description: 'Một khung giờ làm việc. / One opening window.',
  fields: (t) => ({
    from: t.string({ description: 'HH:MM', resolve: (w) => w[0] }),
    to: t.string({ description: 'HH:MM', resolve: (w) => w[1] }),
  }),
});

const CalendarDayRef = builder.objectRef<EffectiveDay>('CalendarDay').implement({
  description: 'Một ngày nghỉ hoặc ngày làm bù. / A holiday or a swapped working day.',
  fields: (t) => ({
    date: t.field({
      type: 'Date',
      description: 'Ngày (YYYY-MM-DD, giờ Việt Nam). / The day (YYYY-MM-DD, Vietnam time).',
      resolve: (d) => d.day,
    }),
    kind: t.field({
      type: CalendarDayKindEnum,
      description: 'Ngày nghỉ hay ngày làm việc. / A day off or a working day.',
      resolve: (d) => d.kind,
    }),
    name: t.exposeString('nameVi', {
      description:
        'Tên ngày, tiếng Việt (ví dụ "Tết Nguyên đán"). / Vietnamese name of the day (e.g. "Tết Nguyên đán").',
    }),
    nameEn: t.exposeString('nameEn', { description: 'Tên ngày, tiếng Anh. / English name of the day.' }),
    source: t.field({
      type: CalendarDaySourceEnum,
      description: 'Quy tắc, thông báo hay nhập tay. / Rule, announcement or entered by hand.',
      resolve: (d) => d.source,
    }),
    origin: t.field({
      type: CalendarOriginEnum,
      description:
        'Lịch quốc gia, đơn vị hay cơ quan đã đặt ngày này. / The national, unit or agency calendar that set it.',
      resolve: (d) => d.origin,
    }),
    overrides: t.field({
      type: CalendarDayKindEnum,
      nullable: true,
      description:
        'Loại ngày của lịch cấp trên mà ngày này thay thế. / The kind of the weaker calendar’s entry replaced.',
      resolve: (d) => d.overrides,
    }),
  }),
});

const WorkCalendarYearRef = builder.objectRef<WorkCalendarYear>('WorkCalendarYear').implement({
  description:
    'Lịch làm việc hiệu lực của một đơn vị trong một năm. / The effective work calendar of a unit for a year.',
  fields: (t) => ({
    unit: t.field({
      description: "Đơn vị hành chính của lịch. / The calendar's administrative unit.",
      type: AdministrativeUnitRef,
      resolve: async (c, _args, context) => (await context.loaders.units.unitById.load(c.unitId))!,
    }),
    year: t.exposeInt('year', { description: 'Năm dương lịch. / Calendar year.' }),
    timeZone: t.string({
      description:
        'Múi giờ IANA của mọi giờ trong lịch (Asia/Ho_Chi_Minh). / IANA time zone of every hour in it (Asia/Ho_Chi_Minh).',
      resolve: () => 'Asia/Ho_Chi_Minh',
    }),
    openingHours: t.field({
      type: [OpeningWindowRef],
      description: "Các khung giờ làm việc trong ngày. / The day's opening windows.",
      resolve: (c) => [...c.hours],
    }),
    hoursPerDay: t.float({
      description: 'Số giờ làm việc một ngày. / Working hours in one day.',
      resolve: (c) =>
        c.hours.reduce((sum, [from, to]) => {
          const minutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
          return sum + (minutes(to) - minutes(from)) / 60;
        }, 0),
    }),
    weeklyRestDays: t.intList({
      description: 'Ngày nghỉ hằng tuần, 0 = Chủ nhật. / Weekly rest days, 0 = Sunday.',
      resolve: (c) => [...c.weeklyRestDays],
    }),
    days: t.field({
      type: [CalendarDayRef],
      description:
        "Ngày nghỉ và ngày làm bù trong năm, theo ngày. / The year's holidays and swapped working days, by date.",
      resolve: (c) => c.days,
    }),
  }),
});

const yearInput = z.number().superRefine((year, ctx) => {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    ctx.addIssue({
      code: 'custom',
      message: 'Năm phải từ 2000 đến 2100.',
      params: { messageEn: 'The year must be between 2000 and 2100.' },
    });
  }
});

builder.queryField('workCalendar', (t) =>
  t.field({
    type: WorkCalendarYearRef,
    description:
      'Ngày nghỉ, ngày làm bù và giờ làm việc hiệu lực của đơn vị trong năm. / The effective holidays, swapped working days and hours of a unit for a year.',
    authScopes: { public: true },
    errors: { types: [NotFoundError], directResult: true },
    args: {
      unitId: t.arg.globalID({
        description: 'ID toàn cục của AdministrativeUnit. / Global ID of the AdministrativeUnit.',
        required: true,
        for: [AdministrativeUnitRef],
      }),
      year: t.arg.int({
        description: 'Năm, 2000–2100. / The year, 2000–2100.',
        required: true,
        validate: yearInput,
      }),
    },
    resolve: (_root, args, context) => getWorkCalendarYear(context, args.unitId.id, args.year),
  }),
);

const dayNameInput = stringRule(
  (name) => name.trim().length > 0 && name.length <= 200,
  'Tên ngày không được để trống và tối đa 200 ký tự.',
  'The day’s name must not be empty and has at most 200 characters.',
);

builder.mutationField('setCalendarDay', (t) =>
  t.field({
    type: WorkCalendarYearRef,
    description:
      'Thêm hoặc sửa một ngày trong lịch riêng của đơn vị (ngày nghỉ, ngày làm bù). / Adds or replaces a day of the unit’s own calendar.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: {
      unitId: t.arg.globalID({
        description:
          'ID toàn cục của AdministrativeUnit có lịch cần sửa. / Global ID of the AdministrativeUnit whose calendar changes.',
        required: true,
        for: [AdministrativeUnitRef],
      }),
      date: t.arg({
        type: 'Date',
        description: 'Ngày (YYYY-MM-DD). / The day (YYYY-MM-DD).',
        required: true,
        validate: civilDateInput,
      }),
      kind: t.arg({
        type: CalendarDayKindEnum,
        description: 'Ngày nghỉ hay ngày làm việc. / A day off or a working day.',
        required: true,
      }),
      name: t.arg.string({
        description: 'Tên tiếng Việt, tối đa 200 ký tự. / Vietnamese name, at most 200 characters.',
        required: true,
        validate: dayNameInput,
      }),
      nameEn: t.arg.string({
        description: 'Tên tiếng Anh, tối đa 200 ký tự. / English name, at most 200 characters.',
        required: true,
        validate: dayNameInput,
      }),
      source: t.arg({
        type: CalendarEditSourceEnum,
        description: 'Thông báo hay nhập tay. / Announcement or entered by hand.',
        required: true,
      }),
    },
    resolve: (_root, args, context) =>
      setCalendarDay(context, {
        unitId: args.unitId.id,
        date: args.date,
        kind: args.kind,
        nameVi: args.name.trim(),
        nameEn: args.nameEn.trim(),
        source: args.source,
      }),
  }),
);

builder.mutationField('removeCalendarDay', (t) =>
  t.field({
    type: WorkCalendarYearRef,
    description: 'Xoá một ngày khỏi lịch riêng của đơn vị. / Removes a day from the unit’s own calendar.',
    authScopes: { loggedIn: true },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: {
      unitId: t.arg.globalID({
        description: 'ID toàn cục của AdministrativeUnit. / Global ID of the AdministrativeUnit.',
        required: true,
        for: [AdministrativeUnitRef],
      }),
      date: t.arg({
        type: 'Date',
        description: 'Ngày cần xoá (YYYY-MM-DD). / The day to remove (YYYY-MM-DD).',
        required: true,
        validate: civilDateInput,
      }),
    },
    resolve: (_root, args, context) => removeCalendarDay(context, args.unitId.id, args.date),
  }),
);
