// The hidden form field that carries the CSRF token (the X-CSRF-Token header is the alternative).
export const CSRF_FIELD = '_csrf';

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
