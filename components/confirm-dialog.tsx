'use client';
// The one confirmation before a binding action: a native modal <dialog> (focus stays inside, Escape
// cancels, focus goes back to the button that opened it) saying what will happen, in 元, 万元 and 亩,
// and what cannot be undone. It stays open with its buttons disabled until the action has its answer,
// so a double click confirms once; the answer itself is shown by the form that asked, as before.
import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n/client';
import { parseDecimal } from '@/server/kernel/units';

export type Fact = readonly [label: string, value: React.ReactNode];

/** What a confirmation says. */
export interface ConfirmContent {
  title: string;
  /** The terms of the action, label and value. */
  facts?: readonly Fact[];
  /** What will happen, in a sentence or two. */
  children?: React.ReactNode;
  /** What cannot be undone. */
  warning: string;
  confirmLabel: string;
  danger?: boolean;
  /** The cancel button takes the focus, unless someone still reviews what the action sends on (a submission, a pass, a return). */
  focusConfirm?: boolean;
}

export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  facts = [],
  children,
  warning,
  confirmLabel,
  danger = false,
  focusConfirm = false,
}: ConfirmContent & {
  open: boolean;
  /** Cancelled (Escape, 取消) or done: the caller closes it. */
  onClose: () => void;
  /** The action; a refusal it throws is the caller's to show. */
  onConfirm: () => Promise<unknown>;
}) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const busy = useRef(false);
  const [pending, setPending] = useState(false);

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      el.showModal();
      (focusConfirm ? confirmButton : cancelButton).current?.focus();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open, focusConfirm]);

  // The dialog gives the focus back on closing, but not to a button still disabled while its form
  // renders the answer: give it back once the button is enabled again, unless the user moved on.
  useEffect(() => {
    const el = opener.current;
    if (open || !el) return;
    if (el.isConnected && el.matches(':disabled')) return;
    if (el.isConnected && (document.activeElement === null || document.activeElement === document.body)) el.focus();
    opener.current = null;
  });

  async function confirm() {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    try {
      await onConfirm();
    } catch {
      // The caller shows the refusal beside its form.
    } finally {
      busy.current = false;
      setPending(false);
      onClose();
    }
  }

  return (
    <dialog
      ref={dialog}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
      // A request already sent cannot be called back: Escape waits for its answer.
      onCancel={(e) => {
        if (busy.current) e.preventDefault();
      }}
    >
      {open ? (
        <>
          <h2 id={`${id}-title`}>{title}</h2>
          <div id={`${id}-body`}>
            {facts.length > 0 ? (
              <dl className="terms">
                {facts.map(([label, value]) => (
                  <Fragment key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </Fragment>
                ))}
              </dl>
            ) : null}
            {children}
            <p className="confirm-warning">
              <strong>{warning}</strong>
            </p>
          </div>
          <div className="row confirm-buttons">
            <button ref={cancelButton} type="button" className="secondary" onClick={onClose} disabled={pending}>
              {t('cancel')}
            </button>
            <button ref={confirmButton} type="button" className={danger ? 'danger' : undefined} onClick={confirm} disabled={pending}>
              {pending ? t('saving') : confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

/**
 * A number as the server will read it, or null where it will refuse it field by field (unreadable
 * or not positive): such input goes to the server without a confirmation, there being nothing to
 * confirm.
 */
export function readPositive(text: string, places: number): number | null {
  const n = parseDecimal(text, places);
  return n !== null && n > 0 ? n : null;
}
