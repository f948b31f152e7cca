'use client';
// A short note of success that outlives the refresh following a mutation. A form that disappears once
// its step is done (the server no longer offers it) would take its own answer with it, so it hands
// the answer here instead: shown at the top of the page until the user goes to another page.
import { usePathname } from 'next/navigation';
import { createContext, useCallback, useContext, useState } from 'react';

const FlashContext = createContext<(text: string | null) => void>(() => {});

export function FlashProvider({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [flash, setFlash] = useState<{ text: string; pathname: string } | null>(null);
  const show = useCallback((text: string | null) => setFlash(text === null ? null : { text, pathname }), [pathname]);
  return (
    <FlashContext.Provider value={show}>
      {flash !== null && flash.pathname === pathname ? (
        <p className="success" role="status" data-testid="flash">
          {flash.text}
        </p>
      ) : null}
      {children}
    </FlashContext.Provider>
  );
}

/** `const flash = useFlash(); flash(t('done'))` after a mutation that removes its own form. */
export const useFlash = () => useContext(FlashContext);
