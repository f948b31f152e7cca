// A document's verification code and QR code, for the printed page: anyone can check the document at
// the address without an account.
import type { Locale } from '@/lib/i18n';
import { translator } from '@/lib/i18n';

export function VerificationBlock({ code, url, svg, locale }: { code: string; url: string; svg: string; locale: Locale }) {
  const t = translator(locale, 'verify');
  return (
    <section className="verification" data-testid="verification">
      {/* The SVG is the qrcode package's own output for our URL: no user text reaches it. */}
      <div className="verification-qr" aria-hidden="true" dangerouslySetInnerHTML={{ __html: svg }} />
      <div>
        <div className="muted">{t('code_label')}</div>
        <div className="verification-code" data-testid="verification-code">
          {code}
        </div>
        <div className="muted">{t('code_howto', { url })}</div>
      </div>
    </section>
  );
}
