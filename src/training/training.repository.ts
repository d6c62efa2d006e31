// The rows of training: quiz attempts per person and lesson version, and certificates. The tables are
// this capability's own (migration 0017), so their types live here.
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { LessonPass } from './core/scoring.ts';

type TrainingAttemptTable = {
  id: Generated<number>;
  user_id: number;
  course_id: string;
  lesson: number;
  lesson_version: number;
  locale: string;
  correct: number;
  total: number;
  passed: number;
  answers_json: string;
  at: string;
};

type TrainingCertificateTable = {
  code: string;
  user_id: number;
  course_id: string;
  course_version: number;
  holder_name: string;
  issued_on: string;
  issued_at: string;
};

export type TrainingTables = {
  training_attempts: TrainingAttemptTable;
  training_certificates: TrainingCertificateTable;
};

type AnyDb = Kysely<Database> | Transaction<Database>;
const training = (db: AnyDb) => (db as Kysely<Database>).withTables<TrainingTables>();

export interface NewAttempt {
  userId: number;
  courseId: string;
  lesson: number;
  lessonVersion: number;
  locale: string;
  correct: number;
  total: number;
  passed: boolean;
  answers: Record<string, string[]>;
  at: string;
}

export async function insertAttempt(db: AnyDb, a: NewAttempt): Promise<void> {
  await training(db)
    .insertInto('training_attempts')
    .values({
      user_id: a.userId,
      course_id: a.courseId,
      lesson: a.lesson,
      lesson_version: a.lessonVersion,
      locale: a.locale,
      correct: a.correct,
      total: a.total,
      passed: a.passed ? 1 : 0,
      answers_json: JSON.stringify(a.answers),
      at: a.at,
    })
    .execute();
}

/** Every passed quiz of the people given (all people when `userIds` is undefined), per person. */
export async function passesOf(
  db: AnyDb,
  courseId: string,
  userIds?: readonly number[],
): Promise<Map<number, LessonPass[]>> {
  if (userIds !== undefined && userIds.length === 0) return new Map();
  let q = training(db)
    .selectFrom('training_attempts')
    .select(['user_id', 'lesson', 'lesson_version', 'at'])
    .where('course_id', '=', courseId)
    .where('passed', '=', 1);
  if (userIds !== undefined) q = q.where('user_id', 'in', [...userIds]);
  const rows = await q.orderBy('id').execute();
  const by = new Map<number, LessonPass[]>();
  for (const r of rows) {
    const id = Number(r.user_id);
    const list = by.get(id) ?? [];
    list.push({ lesson: Number(r.lesson), version: Number(r.lesson_version), at: r.at });
    by.set(id, list);
  }
  return by;
}

export interface CertificateRow {
  code: string;
  userId: number;
  courseId: string;
  courseVersion: number;
  holderName: string;
  issuedOn: string;
  issuedAt: string;
}

const toCertificate = (r: TrainingCertificateTable): CertificateRow => ({
  code: r.code,
  userId: Number(r.user_id),
  courseId: r.course_id,
  courseVersion: Number(r.course_version),
  holderName: r.holder_name,
  issuedOn: r.issued_on,
  issuedAt: r.issued_at,
});

export async function insertCertificate(db: AnyDb, c: CertificateRow): Promise<void> {
  await training(db)
    .insertInto('training_certificates')
    .values({
      code: c.code,
      user_id: c.userId,
      course_id: c.courseId,
      course_version: c.courseVersion,
      holder_name: c.holderName,
      issued_on: c.issuedOn,
      issued_at: c.issuedAt,
    })
    .execute();
}

export async function findCertificate(db: AnyDb, code: string): Promise<CertificateRow | undefined> {
  const r = await training(db)
    .selectFrom('training_certificates')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? toCertificate(r) : undefined;
}

/** Certificates of a course, newest first, of the people given (everyone when undefined). */
export async function certificatesOf(
  db: AnyDb,
  courseId: string,
  userIds?: readonly number[],
): Promise<CertificateRow[]> {
  if (userIds !== undefined && userIds.length === 0) return [];
  let q = training(db).selectFrom('training_certificates').selectAll().where('course_id', '=', courseId);
  if (userIds !== undefined) q = q.where('user_id', 'in', [...userIds]);
  const rows = await q.orderBy('issued_at', 'desc').orderBy('code').execute();
  return rows.map(toCertificate);
}
