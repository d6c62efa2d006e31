// The CSRF token of a form. Forms put it first, so that a multipart reader sees it before the file.
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function CsrfField(p: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={p.token} />;
}
