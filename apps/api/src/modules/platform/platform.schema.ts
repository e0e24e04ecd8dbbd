import { builder } from '../../schema/builder.js';
import { hasDemoData } from './platform.repo.js';

interface PlatformInfo {
  demoData: boolean;
}

export const PlatformRef = builder.objectRef<PlatformInfo>('Platform').implement({
  description: 'Thông tin về hệ thống đang phục vụ. / About this running instance.',
  fields: (t) => ({
    demoData: t.exposeBoolean('demoData', {
      description:
        'Có dữ liệu mẫu (các ứng dụng hiển thị thông báo "dữ liệu mẫu"). / Holds demo data (the apps then say so).',
    }),
  }),
});

builder.queryField('platform', (t) =>
  t.field({
    type: PlatformRef,
    description: 'Thông tin về hệ thống. / About this instance.',
    authScopes: { public: true },
    resolve: async (_root, _args, { db }) => ({ demoData: await hasDemoData(db) }),
  }),
);
