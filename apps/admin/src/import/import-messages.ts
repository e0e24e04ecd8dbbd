import { createUseT, defineMessages } from '@chiso/ui';

/** Texts shared by the file imports (catalog, survey responses) and long operations. */
export const importMessages = defineMessages({
  vi: {
    'file.label': 'Tệp cần nhập',
    'file.clear': 'Bỏ tệp đã chọn',
    'report.col.line': 'Dòng',
    'report.col.errors': 'Lỗi',
    'progress.running': 'Đang chạy… {seconds} giây',
    'progress.sending': 'Đang gửi và xử lý {records} dòng… {seconds} giây',
    'progress.indeterminate':
      'Máy chủ làm việc này trong một lần gọi nên không báo được phần trăm; thời gian đã chạy hiện ở đây.',
  },
  en: {
    'file.label': 'File to import',
    'file.clear': 'Remove the chosen file',
    'report.col.line': 'Line',
    'report.col.errors': 'Errors',
    'progress.running': 'Running… {seconds} s',
    'progress.sending': 'Sending and processing {records} rows… {seconds} s',
    'progress.indeterminate':
      'The server does this in one call, so it cannot report a percentage; the time elapsed shows here.',
  },
});

export const useImportT = createUseT(importMessages);
