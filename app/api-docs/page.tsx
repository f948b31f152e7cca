// The open API's description for people: every operation of the OpenAPI document (/api/v1/openapi.json)
// with its scope, parameters and answer, rendered on the server as plain HTML. Open to anyone.
import { translator } from '@/lib/i18n';
import { API_BASE, openApiDocument } from '@/server/web/open-api';
import { pageContext } from '@/server/web/page';

type Schema = { type?: string | string[]; description?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; const?: unknown; default?: unknown };
type Parameter = { name: string; required: boolean; description?: string; schema: Schema };
type Operation = { summary: string; description: string; parameters?: Parameter[]; requestBody?: { content: { 'application/json': { schema: Schema } } }; responses: Record<string, { content?: Record<string, { schema: Schema } | undefined> & { 'application/json'?: { schema: Schema } } }> };

export const dynamic = 'force-dynamic';

function typeOf(s: Schema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'any'}[]`;
  if (s.type === 'object' && !s.properties) return 'object';
  return ([] as string[]).concat(s.type ?? 'any').join(' | ');
}

/** The properties of an object (or of the objects in an array, or in a nullable), nested. */
function propertiesOf(s: Schema): Schema | null {
  if (s.properties) return s;
  if (s.items) return propertiesOf(s.items);
  for (const a of s.anyOf ?? []) {
    const p = propertiesOf(a);
    if (p) return p;
  }
  return null;
}

function Shape({ schema }: { schema: Schema }) {
  const obj = propertiesOf(schema);
  if (!obj) return null;
  const required = new Set(obj.required ?? []);
  return (
    <ul>
      {Object.entries(obj.properties!).map(([name, p]) => (
        <li key={name}>
          <code>{name}</code>
          {required.has(name) ? '' : '?'}: <code>{typeOf(p)}</code>
          {p.description ? <span className="muted"> — {p.description}</span> : null}
          <Shape schema={p} />
        </li>
      ))}
    </ul>
  );
}

export default async function ApiDocsPage() {
  const { locale } = await pageContext();
  const t = translator(locale, 'admin');
  const doc = openApiDocument() as { paths: Record<string, Record<string, Operation>> };
  return (
    <>
      <h1>{t('apidocs_title')}</h1>
      <p>
        {t('apidocs_intro', { base: API_BASE })} <a href={`${API_BASE}/openapi.json`}>{`${API_BASE}/openapi.json`}</a>
      </p>
      <p className="muted">{t('apidocs_scopes')}</p>
      <p className="muted">{t('apidocs_errors')} 400, 401, 403, 404, 409, 429 (Retry-After), 500.</p>
      {Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => (
          <section className="card" key={`${method} ${path}`} data-testid="api-operation" id={`${method}-${path.replace(/\//g, '-')}`}>
            <h2>
              <code>
                {method.toUpperCase()} {API_BASE}
                {path}
              </code>
            </h2>
            <p>{op.summary}</p>
            <p className="muted">{op.description}</p>
            {op.parameters && op.parameters.length > 0 ? (
              <>
                <h3>{t('apidocs_params')}</h3>
                <ul>
                  {op.parameters.map((p) => (
                    <li key={p.name}>
                      <code>{p.name}</code> <code>{typeOf(p.schema)}</code> ({p.required ? t('apidocs_required') : t('apidocs_optional')})
                      {p.description ? <span className="muted"> — {p.description}</span> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {op.requestBody ? (
              <>
                <h3>{t('apidocs_body')}</h3>
                <Shape schema={op.requestBody.content['application/json'].schema} />
              </>
            ) : null}
            <h3>{t('apidocs_response')}</h3>
            {op.responses['200']!.content!['application/json'] ? (
              <>
                <p className="muted">
                  <code>{typeOf(op.responses['200']!.content!['application/json'].schema)}</code> {op.responses['200']!.content!['application/json'].schema.description}
                </p>
                <Shape schema={op.responses['200']!.content!['application/json'].schema} />
              </>
            ) : (
              <p className="muted">
                {Object.entries(op.responses['200']!.content!).map(([type, c]) => (
                  <span key={type}>
                    <code>{type}</code> {c?.schema.description}
                  </span>
                ))}
              </p>
            )}
          </section>
        )),
      )}
    </>
  );
}
