'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False during server rendering and until React has hydrated the page. Buttons that act through
 * JavaScript stay disabled until then, so an early click is not lost (or sent as a plain form GET).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
