// Plan documents over plain HTTP (a file upload and download do not fit tRPC's JSON): the same
// context, the same services and the same refusals, in the caller's language.
import 'server-only';
import { documentById, projectWithCounty } from '@/server/projects/queries';
import { DomainError } from '@/server/kernel/errors';
import { MAX_DOCUMENT_BYTES } from '@/server/projects/domain/documents';
import { UPLOAD_BODY_LIMIT } from '@/server/web/edges';
import { seesProject } from '@/server/market/domain/visibility';
import { attachDocument } from '@/server/projects/projects';
import { attachmentHeaders } from '@/server/web/attachment';
import { type Context, refusalResponse, wrongRole } from '@/server/kernel/trpc';


const parseId = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : null);

/** POST multipart/form-data with one `file`: the county attaches a PDF to its editable project. */
export async function uploadDocument(ctx: Context, req: Request, rawProjectId: string) {
  const projectId = parseId(rawProjectId);
  try {
    if (!ctx.user) throw new DomainError('notSignedIn');
    if (ctx.user.mustChangePassword) throw new DomainError('mustChangePassword');
    if (ctx.user.role !== 'county') throw wrongRole(ctx.locale, ctx.user.role);
    if (projectId === null) throw new DomainError('projectNotFound');
    // Refuse an oversized body before reading it; the multipart envelope adds a few hundred bytes.
    if (Number(req.headers.get('content-length') ?? 0) > UPLOAD_BODY_LIMIT) throw new DomainError('documentTooLarge', { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 });
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    if (!(file instanceof File)) throw new DomainError('documentNotPdf');
    const doc = await attachDocument(ctx.services, { userId: ctx.user.id, organisationId: ctx.user.organisationId }, projectId, {
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json({ document: { id: doc.id, fileName: doc.fileName, sizeBytes: doc.sizeBytes, uploadedAt: doc.uploadedAt } }, { status: 201 });
  } catch (e) {
    if (e instanceof DomainError) return refusalResponse(ctx.locale, e);
    throw e;
  }
}

/** GET a plan document, for those who may see its project: always as a download (attachment.ts). */
export async function downloadDocument(ctx: Context, rawId: string) {
  const id = parseId(rawId);
  const doc = id === null ? undefined : await documentById(ctx.services.db, id);
  const found = doc && await projectWithCounty(ctx.services.db, doc.projectId);
  if (!ctx.user) return refusalResponse(ctx.locale, new DomainError('notSignedIn'));
  if (ctx.user.mustChangePassword) return refusalResponse(ctx.locale, new DomainError('mustChangePassword'));
  if (!doc || !found || !seesProject(ctx.user, { countyId: found.project.countyId, cityId: found.cityId })) return refusalResponse(ctx.locale, new DomainError('documentNotFound'));
  const bytes = ctx.services.documents.read(doc.storedName);
  return new Response(new Uint8Array(bytes), {
    headers: attachmentHeaders({ name: doc.fileName, fallbackName: `document-${doc.id}.pdf`, contentType: 'application/pdf', length: bytes.length }),
  });
}
