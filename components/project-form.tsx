'use client';
// The county's plan of a linking project: its terms and the table of demolition plots, for a new
// project or one still editable. Areas and grades stay text as typed up to the API, which checks
// every field at once; totals are summed in milli-mu integers, so what the form shows is what the
// server will compute, and no total is shown while an area is not a number it would take.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatMu } from '@/lib/format';
import { useT } from '@/lib/i18n/client';
import { useTRPC } from '@/lib/trpc';
import { useHydrated } from '@/lib/use-hydrated';
import type { CurrentUse, LandType } from '@/server/projects/domain/projects';
import { readDecimal } from '@/server/kernel/units';
import { FieldNote, type FormErrors, FormErrorList, formErrorsOf, invalidProps } from './field-errors';

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
/** An area for the live totals: null while it is not a number the server would take (negative, letters, …). */
const milliMu = (text: string) => {
  const read = readDecimal(orZero(text), 3);
  return 'value' in read ? read.value : null;
};
const sumOf = (values: (number | null)[]) => (values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0));

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

  const create = useMutation(trpc.projects.create.mutationOptions({ onSuccess: (p) => router.push(`/projects/${p.id}`) }));
  const update = useMutation(trpc.projects.update.mutationOptions({ onSuccess: (p) => router.push(`/projects/${p.id}`) }));
  // After success the page navigates away; until it has, a second click must not save twice.
  const pending = create.isPending || update.isPending || create.isSuccess || update.isSuccess;
  const errors = formErrorsOf(create.error ?? update.error);

  const totalArea = sumOf(rows.map((r) => milliMu(r.area)));
  const totalFarmland = sumOf(rows.map((r) => milliMu(r.farmland)));
  const resettlementMilliMu = milliMu(resettlement);
  const surplus = totalArea === null || resettlementMilliMu === null ? null : totalArea - resettlementMilliMu;
  const shown = (n: number | null) => (n === null ? '—' : `${formatMu(n)} ${tu('mu')}`);

  const change = (key: number, patch: Partial<PlotDraft>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => setRows((rs) => [...rs, { ...EMPTY_PLOT, key: Math.max(-1, ...rs.map((r) => r.key)) + 1 }]);
  const removeRow = (key: number) => setRows((rs) => rs.filter((r) => r.key !== key));

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = {
      name,
      villages,
      forCrossRegion,
      landType,
      resettlement: orZero(resettlement),
      plots: rows.map((r) => ({ code: r.code, village: r.village, currentUse: r.currentUse, area: r.area.trim(), farmland: orZero(r.farmland), farmlandGrade: r.grade })),
    };
    if (projectId === undefined) create.mutate(input);
    else update.mutate({ ...input, projectId });
  }

  return (
    <form onSubmit={submit} className="form" data-testid="project-form" noValidate>
      <div className="form grid">
        <label>
          {t('field_name')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required {...invalidProps(errors, 'name')} />
          <FieldNote errors={errors} path="name" />
        </label>
        <label>
          {t('field_villages')}
          <input name="villages" value={villages} onChange={(e) => setVillages(e.target.value)} maxLength={200} required {...invalidProps(errors, 'villages')} />
          <FieldNote errors={errors} path="villages" />
        </label>
        <label>
          {t('field_landType')}
          <select name="landType" value={landType} onChange={(e) => setLandType(e.target.value as LandType)}>
            {LAND_TYPES.map((lt) => (
              <option key={lt} value={lt}>
                {tu(`landType_${lt}`)}
              </option>
            ))}
          </select>
          <FieldNote errors={errors} path="landType" />
        </label>
        <label>
          {t('field_resettlement')}
          <input name="resettlement" inputMode="decimal" value={resettlement} onChange={(e) => setResettlement(e.target.value)} {...invalidProps(errors, 'resettlement')} />
          <FieldNote errors={errors} path="resettlement" />
        </label>
        <label className="check">
          <input type="checkbox" name="forCrossRegion" checked={forCrossRegion} onChange={(e) => setForCrossRegion(e.target.checked)} />
          {t('field_forCrossRegion')}
        </label>
      </div>

      <h2>{t('plots_title')}</h2>
      <PlotsEditor rows={rows} errors={errors} onChange={change} onRemove={removeRow} />
      <FieldNote errors={errors} path="plots" />
      <div className="row">
        <button type="button" className="secondary" onClick={addRow} disabled={!hydrated || rows.length >= 200}>
          {t('add_plot')}
        </button>
      </div>
      <dl className="terms" data-testid="plan-totals" aria-live="polite">
        <dt>{t('total_area')}</dt>
        <dd className="num" data-testid="total-area">
          {shown(totalArea)}
        </dd>
        <dt>{t('total_farmland')}</dt>
        <dd className="num" data-testid="total-farmland">
          {shown(totalFarmland)}
        </dd>
        <dt>{t('total_surplus')}</dt>
        <dd className={surplus !== null && (surplus > 0 || totalArea === 0) ? 'num' : 'num error-text'} data-testid="total-surplus">
          {shown(surplus)}
        </dd>
      </dl>
      {totalArea === null || totalFarmland === null || surplus === null ? (
        <p className="muted small" data-testid="totals-note">
          {t('totals_need_numbers')}
        </p>
      ) : null}

      <div className="row">
        <button type="submit" disabled={!hydrated || pending}>
          {pending ? tu('saving') : t(projectId === undefined ? 'save_create' : 'save_update')}
        </button>
        <Link href={projectId === undefined ? '/projects' : `/projects/${projectId}`}>{t('cancel')}</Link>
      </div>
      <FormErrorList errors={errors} labels={(path) => fieldLabel(path, t)} />
    </form>
  );
}

function PlotsEditor({ rows, errors, onChange, onRemove }: { rows: Row[]; errors: FormErrors | null; onChange: (key: number, patch: Partial<PlotDraft>) => void; onRemove: (key: number) => void }) {
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
                  <input aria-label={t('plot_code_n', { n })} value={r.code} maxLength={40} required onChange={(e) => onChange(r.key, { code: e.target.value })} {...invalidProps(errors, `plots.${i}.code`)} />
                  <FieldNote errors={errors} path={`plots.${i}.code`} />
                </td>
                <td>
                  <input aria-label={t('plot_village_n', { n })} value={r.village} maxLength={100} required onChange={(e) => onChange(r.key, { village: e.target.value })} {...invalidProps(errors, `plots.${i}.village`)} />
                  <FieldNote errors={errors} path={`plots.${i}.village`} />
                </td>
                <td>
                  <select aria-label={t('plot_use_n', { n })} value={r.currentUse} onChange={(e) => onChange(r.key, { currentUse: e.target.value as CurrentUse })}>
                    {CURRENT_USES.map((u) => (
                      <option key={u} value={u}>
                        {t(`use_${u}`)}
                      </option>
                    ))}
                  </select>
                  <FieldNote errors={errors} path={`plots.${i}.currentUse`} />
                </td>
                <td>
                  <input aria-label={t('plot_area_n', { n })} inputMode="decimal" value={r.area} required onChange={(e) => onChange(r.key, { area: e.target.value })} {...invalidProps(errors, `plots.${i}.area`)} />
                  <FieldNote errors={errors} path={`plots.${i}.area`} />
                </td>
                <td>
                  <input aria-label={t('plot_farmland_n', { n })} inputMode="decimal" placeholder="0" value={r.farmland} onChange={(e) => onChange(r.key, { farmland: e.target.value })} {...invalidProps(errors, `plots.${i}.farmland`)} />
                  <FieldNote errors={errors} path={`plots.${i}.farmland`} />
                </td>
                <td>
                  <input aria-label={t('plot_grade_n', { n })} type="number" min={1} max={10} step={1} value={r.grade} onChange={(e) => onChange(r.key, { grade: e.target.value })} {...invalidProps(errors, `plots.${i}.farmlandGrade`)} />
                  <FieldNote errors={errors} path={`plots.${i}.farmlandGrade`} />
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
