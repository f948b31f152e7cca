// The form to type a verification code: a plain GET form, so it works without script.
export function VerifyForm({ label, submit, value = '' }: { label: string; submit: string; value?: string }) {
  return (
    <form className="form card" method="get" action="/verify" data-testid="verify-form">
      <label>
        {label}
        <input name="code" defaultValue={value} maxLength={64} autoComplete="off" spellCheck={false} required />
      </label>
      <button type="submit">{submit}</button>
    </form>
  );
}
