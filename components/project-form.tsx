'use client';
// The county's plan of a linking project: its terms and the table of demolition plots, for a new
// project or one still editable. Areas stay decimal text up to the API; totals are summed in
// milli-mu integers, so what the form shows is what the server will compute.
import { useMutation } from '@tanstack/react-query';
import type { TRPCClientErrorLike } from '@trpc/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMu } from '@/lib/format';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import type { AppRouter } from '@/server/api/root';
import type { CurrentUse, LandType } from '@/server/domain/projects';
import { parseDecimal } from '@/server/domain/units';

const CURRENT_USES: readonly CurrentUse[] = ['homestead', 'abandoned_village', 'industrial_mining', 'public_facility', 'other'];
const LAND_TYPES: readonly LandType[] = ['ordinary', 'high_standard', 'other'];

export interface PlotDraft {
  code: string;
  village: string;
  currentUse: CurrentUse;
  area: string;
  farmland: string;
  grade: string;
}

export interface ProjectDraft {
  name: string;
  villages: string;
  forCrossRegion: boolean;
  landType: LandType;
  resettlement: string;
  plots: PlotDraft[];
}

type Row = PlotDraft & { key: number };

const EMPTY_PLOT: PlotDraft = { code: '', village: '', currentUse: 'homestead', area: '', farmland: '', grade: '' };

/** Blank numbers mean zero: a plot none of which becomes farmland, a project with no resettlement. */
const orZero = (text: string) => (text.trim() === '' ? '0' : text.trim());
const milliMu = (text: string) => parseDecimal(orZero(text), 3) ?? 0;

/** '' → null (no grade); a whole number → that number; anything else → undefined (refused here). */
function gradeOf(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  return /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 10 ? Number(s) : undefined;
}

type Translate = ReturnType<typeof useT<'projects'>>;
const TOP_FIELDS = { name: 'field_name', villages: 'field_villages', forCrossRegion: 'field_forCrossRegion', landType: 'field_landType', resettlement: 'field_resettlement', plots: 'plots_title' } as const;
const PLOT_FIELDS = { code: 'plot_code_n', village: 'plot_village_n', currentUse: 'plot_use_n', area: 'plot_area_n', farmland: 'plot_farmland_n', farmlandGrade: 'plot_grade_n' } as const;

/** The server names a refused field by its path ("plots.0.area"); the user knows it by its label ("面积（亩） 1"). */
function fieldLabel(path: string, t: Translate): string | null {
  const plot = /^plots\.(\d+)\.(\w+)$/.exec(path);
  if (plot) {
    const key = PLOT_FIELDS[plot[2] as keyof typeof PLOT_FIELDS];
    return key ? t(key, { n: Number(plot[1]) + 1 }) : null;
  }
  const key = TOP_FIELDS[path as keyof typeof TOP_FIELDS];
  return key ? t(key) : null;
}

function errorText(error: TRPCClientErrorLike<AppRouter> | null, t: Translate): string | null {
  if (!error) return null;
  const data = error.data;
  const fields = Object.entries(data && 'fieldErrors' in data ? data.fieldErrors : {});
  const labelled = fields.map(([path, message]) => ({ field: fieldLabel(path, t), message }));
  if (labelled.length === 0 || labelled.some((f) => f.field === null)) return error.message;
  return labelled.map((f) => t('field_error', { field: f.field, message: f.message })).join('；');
}

export function ProjectForm({ projectId, draft }: { projectId?: number; draft?: ProjectDraft }) {
  const t = useT('projects');
  const tu = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [name, setName] = useState(draft?.name ?? '');
  const [villages, setVillages] = useState(draft?.villages ?? '');
  const [forCrossRegion, setForCrossRegion] = useState(draft?.forCrossRegion ?? true);
  const [landType, setLandType] = useState<LandType>(draft?.landType ?? 'ordinary');
  const [resettlement, setResettlement] = useState(draft?.resettlement ?? '0');
  const [rows, setRows] = useState<Row[]>(() => (draft?.plots.length ? draft.plots : [EMPTY_PLOT]).map((p, i) => ({ ...p, key: i })));
  const [local, setLocal] = useState<string | null>(null);

  const create = useMutation(trpc.projects.create.mutationOptions({ onSuccess: (p) => router.push(`/projects/${p.id}`) }));
  const update = useMutation(trpc.projects.update.mutationOptions({ onSuccess: (p) => router.push(`/projects/${p.id}`) }));
  // After success the page navigates away; until it has, a second click must not save twice.
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  const error = errorText(create.error ?? update.error, t);

  const totalArea = rows.reduce((sum, r) => sum + milliMu(r.area), 0);
  const totalFarmland = rows.reduce((sum, r) => sum + milliMu(r.farmland), 0);
  const surplus = totalArea - milliMu(resettlement);

  const change = (key: number, patch: Partial<PlotDraft>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => setRows((rs) => [...rs, { ...EMPTY_PLOT, key: Math.max(-1, ...rs.map((r) => r.key)) + 1 }]);
  const removeRow = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const bad = rows.findIndex((r) => gradeOf(r.grade) === undefined);
    if (bad >= 0) {
      setLocal(t('grade_invalid', { n: bad + 1 }));
      return;
    }
    setLocal(null);
    const input = {
      name,
      villages,
      forCrossRegion,
      landType,
      resettlement: orZero(resettlement),
      plots: rows.map((r) => ({ code: r.code, village: r.village, currentUse: r.currentUse, area: r.area.trim(), farmland: orZero(r.farmland), farmlandGrade: gradeOf(r.grade) ?? null })),
    };
    if (projectId === undefined) create.mutate(input);
    else update.mutate({ ...input, projectId });
  }

  return (
    <form onSubmit={submit} className="form" data-testid="project-form" noValidate>
      <div className="form grid">
        <label>
          {t('field_name')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </label>
        <label>
          {t('field_villages')}
          <input name="villages" value={villages} onChange={(e) => setVillages(e.target.value)} maxLength={200} required />
        </label>
        <label>
          {t('field_landType')}
          <select name="landType" value={landType} onChange={(e) => setLandType(e.target.value as LandType)}>
            {LAND_TYPES.map((lt) => (
              <option key={lt} value={lt}>
                {t(`landType_${lt}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field_resettlement')}
          <input name="resettlement" inputMode="decimal" value={resettlement} onChange={(e) => setResettlement(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" name="forCrossRegion" checked={forCrossRegion} onChange={(e) => setForCrossRegion(e.target.checked)} />
          {t('field_forCrossRegion')}
        </label>
      </div>

      <h2>{t('plots_title')}</h2>
      <PlotsEditor rows={rows} onChange={change} onRemove={removeRow} />
      <div className="row">
        <button type="button" className="secondary" onClick={addRow} disabled={!hydrated || rows.length >= 200}>
          {t('add_plot')}
        </button>
      </div>
      <dl className="terms" data-testid="plan-totals" aria-live="polite">
        <dt>{t('total_area')}</dt>
        <dd className="num" data-testid="total-area">
          {formatMu(totalArea)} {tu('mu')}
        </dd>
        <dt>{t('total_farmland')}</dt>
        <dd className="num" data-testid="total-farmland">
          {formatMu(totalFarmland)} {tu('mu')}
        </dd>
        <dt>{t('total_surplus')}</dt>
        <dd className={surplus > 0 || totalArea === 0 ? 'num' : 'num error-text'} data-testid="total-surplus">
          {formatMu(surplus)} {tu('mu')}
        </dd>
      </dl>

      <div className="row">
        <button type="submit" disabled={!hydrated || pending}>
          {pending ? tu('saving') : t(projectId === undefined ? 'save_create' : 'save_update')}
        </button>
        <Link href={projectId === undefined ? '/projects' : `/projects/${projectId}`}>{t('cancel')}</Link>
      </div>
      {local || error ? (
        <p className="error" role="alert">
          {local ?? error}
        </p>
      ) : null}
    </form>
  );
}

function PlotsEditor({ rows, onChange, onRemove }: { rows: Row[]; onChange: (key: number, patch: Partial<PlotDraft>) => void; onRemove: (key: number) => void }) {
  const t = useT('projects');
  const hydrated = useHydrated();
  return (
    <div className="table-scroll">
      <table className="plots-editor" data-testid="plots">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('col_plotCode')}</th>
            <th>{t('col_village')}</th>
            <th>{t('col_currentUse')}</th>
            <th>{t('col_plotArea')}</th>
            <th>{t('col_farmland')}</th>
            <th title={t('grade_hint')}>
              {t('col_grade')}
              <br />
              <small className="muted">{t('grade_hint')}</small>
            </th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const n = i + 1;
            return (
              <tr key={r.key}>
                <td className="num">{n}</td>
                <td>
                  <input aria-label={t('plot_code_n', { n })} value={r.code} maxLength={40} required onChange={(e) => onChange(r.key, { code: e.target.value })} />
                </td>
                <td>
                  <input aria-label={t('plot_village_n', { n })} value={r.village} maxLength={100} required onChange={(e) => onChange(r.key, { village: e.target.value })} />
                </td>
                <td>
                  <select aria-label={t('plot_use_n', { n })} value={r.currentUse} onChange={(e) => onChange(r.key, { currentUse: e.target.value as CurrentUse })}>
                    {CURRENT_USES.map((u) => (
                      <option key={u} value={u}>
                        {t(`use_${u}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input aria-label={t('plot_area_n', { n })} inputMode="decimal" value={r.area} required onChange={(e) => onChange(r.key, { area: e.target.value })} />
                </td>
                <td>
                  <input aria-label={t('plot_farmland_n', { n })} inputMode="decimal" placeholder="0" value={r.farmland} onChange={(e) => onChange(r.key, { farmland: e.target.value })} />
                </td>
                <td>
                  <input aria-label={t('plot_grade_n', { n })} type="number" min={1} max={10} step={1} value={r.grade} onChange={(e) => onChange(r.key, { grade: e.target.value })} />
                </td>
                <td>
                  <button type="button" className="secondary" aria-label={t('remove_plot_n', { n })} disabled={!hydrated || rows.length <= 1} onClick={() => onRemove(r.key)}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
