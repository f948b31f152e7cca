// The QR code printed beside a document's verification code: an inline SVG made on the server, pointing
// at the public verification page on the host the page was asked from.
import 'server-only';
import { headers } from 'next/headers';
import QRCode from 'qrcode';

export async function verificationLink(code: string) {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  const url = `${proto}://${host}/verify/${code}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { url, svg };
}
