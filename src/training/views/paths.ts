// The addresses of training's pages, in one place for the routes, the views and the gate.
import type { Locale } from '../../domain/election.ts';

const enc = encodeURIComponent;
export const myTrainingPath = (l: Locale): string => `/${l}/training`;
export const lessonPath = (l: Locale, course: string, n: number): string =>
  `/${l}/training/courses/${enc(course)}/lessons/${n}`;
export const certificatePdfPath = (l: Locale, code: string): string => `/${l}/training/certificates/${enc(code)}/pdf`;
export const verifyPath = (l: Locale, code?: string): string =>
  `/${l}/training/certificates/verify${code === undefined ? '' : `?code=${enc(code)}`}`;
export const completionPath = (l: Locale): string => `/${l}/commission/training`;
export const posturePath = (l: Locale): string => `/${l}/commission/security`;
