'use client';
// A button that runs one mutation and refreshes the server-rendered page, showing the server's answer.
import { useHydrated } from '@/lib/use-hydrated';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useT } from '@/lib/i18n/client';

export function ActionButton({
  label,
  run,
  doneText,
  className,
  onDone,
}: {
  label: string;
  run: () => Promise<unknown>;
  doneText: string;
  className?: string;
  /** Instead of refreshing the page: for an item the refresh would remove before its answer is read. */
  onDone?: () => void;
}) {
  const tu = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const [state, setState] = useState<{ error: string | null; done: boolean }>({ error: null, done: false });
  return (
    <span className="row">
      <button
        type="button"
        className={className}
        disabled={!hydrated || pending}
        onClick={() =>
          start(async () => {
            try {
              await run();
              setState({ error: null, done: true });
              if (onDone) onDone();
              else router.refresh();
            } catch (e) {
              setState({ error: e instanceof Error ? e.message : String(e), done: false });
            }
          })
        }
      >
        {pending ? tu('saving') : label}
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
    </span>
  );
}
