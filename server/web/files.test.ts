// The handlers behind app/api/documents/[id], app/api/projects/[id]/documents and app/api/export/[report],
// called with a test context: a stored file always leaves as a download (attachment, the user's name
// in UTF-8, no sniffing, sandboxed), and an upload whose file name holds a control or bidi character
// is refused in the caller's language with nothing written and no file kept.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectDocuments } from '@/db/schema';
import { DEMO_PDF } from '@/server/demo/seed-demo';
import type { Locale } from '@/lib/i18n/define';
import { sessionUser } from '@/server/users/queries';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { dumpTables } from '@/server/testing/refusals';
import { attachmentHeaders } from './attachment';
import { downloadDocument, uploadDocument } from './documents';
import { exportReport } from './exports';
import type { Context } from '@/server/kernel/trpc';

// The marker package throws outside React's server build; these handlers are server code all the same.
vi.mock('server-only', () => ({}));

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

const ctxOf = async (username: string | null, locale: Locale = 'zh'): Promise<Context> => ({ services: h.services, user: username ? await sessionUser(h.db, (await h.userId(username))) : null, locale });
/** The harness keeps the documents beside its database. */
const documentsFolder = () => path.join(h.db.connection.folder, 'documents');

/** A download: attachment (never inline) under a plain fallback name and the user's name in RFC 5987 UTF-8. */
function expectDownload(res: Response, fallback: string, name: string) {
  expect(res.status).toBe(200);
  const disposition = res.headers.get('content-disposition') ?? '';
  const [, plain, encoded] = /^attachment; filename="([^"]+)"; filename\*=UTF-8''(.+)$/.exec(disposition) ?? [];
  expect(plain, disposition).toBe(fallback);
  expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/); // attr-chars and percent escapes only
  expect(decodeURIComponent(encoded!)).toBe(name);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  expect(res.headers.get('cache-control')).toBe('private, no-store');
}

describe('stored files are served as downloads', () => {
  it('a plan document: attachment with its Chinese name in UTF-8, nosniff, sandboxed, never inline', async () => {
    const [doc] = await h.db.select().from(projectDocuments).where(eq(projectDocuments.fileName, '河曲县鹿固乡项目区实施方案.pdf')).all();
    const res = await downloadDocument((await ctxOf('xinzhou')), String(doc!.id));
    expectDownload(res, `document-${doc!.id}.pdf`, '河曲县鹿固乡项目区实施方案.pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes).toEqual(DEMO_PDF);
    expect(res.headers.get('content-length')).toBe(String(DEMO_PDF.length));
    // Refusals are JSON as before: signed out, and a zone that may not see the project.
    expect((await downloadDocument((await ctxOf(null)), String(doc!.id))).status).toBe(401);
    expect((await downloadDocument((await ctxOf('zone')), String(doc!.id))).status).toBe(404);
  });

  it('an export: attachment with the report’s title in UTF-8 (Chinese or English), the same headers', async () => {
    const res = await exportReport((await ctxOf('province')), new Request('http://localhost/api/export/obligationsByCity?format=csv'), 'obligationsByCity');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expectDownload(res, 'obligationsByCity.csv', '复垦监管（按市）.csv');
    const xlsx = await exportReport((await ctxOf('province', 'en')), new Request('http://localhost/api/export/quarters?format=xlsx'), 'quarters');
    expectDownload(xlsx, 'quarters.xlsx', 'Quarterly statistics.xlsx');
  });

  it('the UTF-8 name is percent-encoded as RFC 5987 wants it: quotes, parentheses and stars too; the fallback stays plain', () => {
    const headers = attachmentHeaders({ name: `方案(2026)'终稿'*.pdf`, fallbackName: 'document-7.pdf', contentType: 'application/pdf', length: 3 });
    expect(headers['Content-Disposition']).toBe(`attachment; filename="document-7.pdf"; filename*=UTF-8''%E6%96%B9%E6%A1%88%282026%29%27%E7%BB%88%E7%A8%BF%27%2A.pdf`);
    expect(headers['Content-Length']).toBe('3');
    expect(() => attachmentHeaders({ name: 'x', fallbackName: 'a"; inline', contentType: 'text/plain' })).toThrow();
  });
});

describe('an upload is refused for its file name', () => {
  const upload = (ctx: Context, projectId: number, name: string) => {
    const form = new FormData();
    form.set('file', new File([DEMO_PDF], name, { type: 'application/pdf' }));
    return uploadDocument(ctx, new Request(`http://localhost/api/projects/${projectId}/documents`, { method: 'POST', body: form }), String(projectId));
  };

  it('with a control or text-direction character, in Chinese and in English; nothing written, no file kept', async () => {
    const project = await h.as('baode').projects.create({
      name: '保德县2026年度项目区',
      villages: '杨家湾镇',
      forCrossRegion: true,
      landType: 'ordinary',
      resettlement: '10',
      plots: [{ code: 'YJW-01', village: '杨家湾村', currentUse: 'homestead', area: '80', farmland: '70', farmlandGrade: 5 }],
    });
    const stored = () => fs.readdirSync(documentsFolder()).sort();
    const before = { tables: await dumpTables(h.db), files: stored() };
    const messages = { zh: '文件名不能含有控制字符或文字方向控制符，请改名后再上传。', en: 'The file name must not contain control characters or text-direction control characters; rename the file and upload it again.' };
    for (const name of ['实施方案\u202Ecod.pdf', '实施\u0000方案.pdf', '\u2066实施方案\u2069.pdf', '实施方案\u0007.pdf']) {
      for (const locale of ['zh', 'en'] as const) {
        const res = await upload((await ctxOf('baode', locale)), project.id, name);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: { code: 'fileNameControl', message: messages[locale] } });
      }
    }
    expect({ tables: await dumpTables(h.db), files: stored() }).toEqual(before);
    // The same file under a clean name is taken.
    const taken = await upload((await ctxOf('baode')), project.id, '保德县杨家湾镇实施方案.pdf');
    expect(taken.status).toBe(201);
    expect(stored()).toHaveLength(before.files.length + 1);
  });
});

