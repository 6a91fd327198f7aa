import { brotliCompressSync, gzipSync } from 'node:zlib';
import { renderToString } from 'react-dom/server';
import { DEFAULT_SETTINGS } from '../../domain/settings.ts';
import { messagesFor } from '../../i18n/pages/index.ts';
import { intakeValues } from './intake-form.ts';
import { attachmentRules } from './uploads.ts';
import { FormPage } from './views/FormPage.tsx';

const t = messagesFor('nl');
const ctx = {
  locale: 'nl' as const,
  t,
  settings: DEFAULT_SETTINGS,
  assets: { css: '/assets/pages.x.css', theme: '/assets/theme.y.css', script: '/assets/enhance.z.js' },
  path: '/',
};
const html =
  '<!DOCTYPE html>' +
  renderToString(
    <FormPage
      ctx={ctx}
      values={intakeValues({})}
      errors={process.argv[2] ? [{ field: 'description', message: 'Vertel wat' }] : []}
      csrfToken="abc"
      rules={attachmentRules(t, { attachmentMaxBytes: 10485760, attachmentsMaxTotalBytes: 26214400 })}
    />,
  );
console.error('raw', html.length, 'br', brotliCompressSync(html).length, 'gz', gzipSync(html).length);
console.log(html);
