'use client';
// Uploads a plan document. A file does not fit tRPC's JSON, so this posts multipart form data to the
// route handler, which answers with the same refusals in the user's language.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { useHydrated } from '@/lib/use-hydrated';
import { Feedback } from './feedback';

/** The handler's refusal: { error: { code, message } }. */
function refusalMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return null;
  return typeof error.message === 'string' ? error.message : null;
}

export function UploadForm({ projectId }: { projectId: number }) {
  const t = useT('projects');
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<{ error: string | null; done: string | null }>({ error: null, done: null });

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body = new FormData(form);
    const file = body.get('file');
    if (!(file instanceof File) || file.name === '') {
      setAnswer({ error: t('upload_choose'), done: null });
      return;
    }
    setPending(true);
    setAnswer({ error: null, done: null });
    try {
      const res = await fetch(`/api/projects/${projectId}/documents`, { method: 'POST', body });
      const json: unknown = await res.json().catch(() => null);
      if (res.ok) {
        form.reset();
        setAnswer({ error: null, done: t('uploaded', { name: file.name }) });
        router.refresh();
      } else {
        setAnswer({ error: refusalMessage(json) ?? t('upload_failed'), done: null });
      }
    } catch {
      setAnswer({ error: t('upload_failed'), done: null });
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form" onSubmit={upload} data-testid="upload-form">
      <div className="row">
        <label className="row">
          {t('upload_label')}
          <input type="file" name="file" accept="application/pdf,.pdf" />
        </label>
        <button type="submit" disabled={!hydrated || pending}>
          {pending ? t('uploading') : t('upload')}
        </button>
      </div>
      <Feedback error={answer.error} done={answer.done} />
    </form>
  );
}
