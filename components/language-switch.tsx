'use client';
import { switchLocale } from '@/app/actions';

/** Switches the language and comes back to the same page; its label is in the other language, marked as such for screen readers. */
export function LanguageSwitch({ next, label }: { next: 'zh' | 'en'; label: string }) {
  return (
    <form
      action={switchLocale}
      onSubmit={(e) => {
        const back = e.currentTarget.elements.namedItem('back') as HTMLInputElement;
        back.value = window.location.pathname + window.location.search;
      }}
    >
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="back" value="/" />
      <button type="submit" className="link" lang={next === 'zh' ? 'zh-CN' : 'en'} data-testid="switch-language">
        {label}
      </button>
    </form>
  );
}
