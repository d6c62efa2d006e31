// Result values for expected failures: a parse or a check returns problems, it does not throw.

/** One thing wrong with an input, located so that a person can find and fix it. */
export interface Problem {
  /** Stable machine code, e.g. `amount.not_positive`; also the translation key. */
  code: string;
  /** Plain-language message (English); pages translate by `code` + `params`. */
  message: string;
  /** 1-based row or line number in the input, when the input has rows. */
  row?: number;
  /** Column, field or XML element the problem is about. */
  field?: string;
  severity?: 'error' | 'warning';
  params?: Record<string, string | number>;
}

export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export function problem(code: string, message: string, where: Omit<Problem, 'code' | 'message'> = {}): Problem {
  return { code, message, ...where };
}
