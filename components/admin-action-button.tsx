'use client';
// A button that runs one binding mutation once confirmed, and refreshes the server-rendered page,
// showing the server's answer.
import { useHydrated } from '@/lib/use-hydrated';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog, type ConfirmContent } from './confirm-dialog';

export function ActionButton({
  label,
  run,
  doneText,
  className,
  onDone,
  confirm,
}: {
  label: string;
  run: () => Promise<unknown>;
  doneText: string;
  className?: string;
  /** Instead of refreshing the page: for an item the refresh would remove before its answer is read. */
  onDone?: () => void;
  /** What the confirmation says before `run`. */
  confirm: ConfirmContent;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<{ error: string | null; done: boolean }>({ error: null, done: false });
  async function perform() {
    setState({ error: null, done: false });
    try {
      await run();
      setState({ error: null, done: true });
      if (onDone) onDone();
      else router.refresh();
    } catch (e) {
      setState({ error: e instanceof Error ? e.message : String(e), done: false });
    }
  }
  return (
    <div className="row">
      <button type="button" className={className} disabled={!hydrated} onClick={() => setAsking(true)}>
        {label}
      </button>
      {state.error ? (
        <span className="error" role="alert">
          {state.error}
        </span>
      ) : null}
      {state.done ? (
        <span className="success" role="status">
          {doneText}
        </span>
      ) : null}
      <ConfirmDialog {...confirm} open={asking} onClose={() => setAsking(false)} onConfirm={perform} />
    </div>
  );
}
