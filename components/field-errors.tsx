'use client';
// How a form shows a refusal: the server's note for each field (its `fieldErrors`, keyed by the
// input's path) beside that field, and under the form every refused field by the label users see on
// it, all at once. A refusal that is not about fields (a domain rule) is shown as its message.
import { useT } from '@/lib/i18n/client';

export interface FormErrors {
  /** A note per field, by the input's path ('reservePrice', 'plots.0.area'). */
  fields: Record<string, string>;
  /** What is not about one field. */
  message: string | null;
}

type Refusal = { message: string; data?: unknown } | null | undefined;

/** A refusal as the form shows it; null when there is none. */
export function formErrorsOf(error: Refusal): FormErrors | null {
  if (!error) return null;
  const fieldErrors = (error.data as { fieldErrors?: Record<string, string> } | null | undefined)?.fieldErrors;
  if (!fieldErrors || Object.keys(fieldErrors).length === 0) return { fields: {}, message: error.message };
  const { _: whole, ...fields } = fieldErrors;
  return { fields, message: whole ?? null };
}

/** The form's own checks and the server's answer, as one (its own first, as they are found first). */
export function mergeErrors(...all: (FormErrors | null)[]): FormErrors | null {
  const present = all.filter((e): e is FormErrors => e !== null);
  if (present.length === 0) return null;
  return { fields: Object.assign({}, ...present.map((e) => e.fields).reverse()), message: present.find((e) => e.message)?.message ?? null };
}

/** An input's state for assistive technology: invalid while its field has a note. */
export const invalidProps = (errors: FormErrors | null, path: string) => (errors?.fields[path] ? { 'aria-invalid': true as const } : {});

/** The note beside a field. */
export function FieldNote({ errors, path }: { errors: FormErrors | null; path: string }) {
  const text = errors?.fields[path];
  return text ? (
    <small className="field-error" data-field={path}>
      {text}
    </small>
  ) : null;
}

/** Under the form: each refused field by its label on the form (`labels` by path), then what is not about a field. */
export function FormErrorList({ errors, labels }: { errors: FormErrors | null; labels: Record<string, string> | ((path: string) => string | null) }) {
  const t = useT();
  if (!errors) return null;
  const labelOf = (path: string) => (typeof labels === 'function' ? labels(path) : (labels[path] ?? null));
  const fields = Object.entries(errors.fields);
  if (fields.length === 0) {
    return errors.message ? (
      <p className="error" role="alert">
        {errors.message}
      </p>
    ) : null;
  }
  return (
    <div className="error" role="alert" data-testid="form-errors">
      {errors.message ? <p>{errors.message}</p> : null}
      <ul>
        {fields.map(([path, message]) => {
          const label = labelOf(path);
          return <li key={path}>{label ? t('fieldError', { label, message }) : message}</li>;
        })}
      </ul>
    </div>
  );
}
