import { describe, expect, it } from 'vitest';
import { readCourses } from '../course-content.ts';
import type { Course, Quiz } from './course.ts';
import { courseProgress, lessonProgress, scoreQuiz } from './scoring.ts';

const L = (s: string) => ({ ky: s, ru: s, en: s });
const quiz: Quiz = {
  questions: [
    {
      id: 'one',
      kind: 'single',
      text: L('one'),
      choices: [
        { id: 'a', text: L('a'), correct: true, explanation: L('') },
        { id: 'b', text: L('b'), correct: false, explanation: L('') },
      ],
    },
    {
      id: 'many',
      kind: 'multiple',
      text: L('many'),
      choices: [
        { id: 'x', text: L('x'), correct: true, explanation: L('') },
        { id: 'y', text: L('y'), correct: true, explanation: L('') },
        { id: 'z', text: L('z'), correct: false, explanation: L('') },
      ],
    },
  ],
};

describe('scoreQuiz', () => {
  it('counts a multiple choice question right only with exactly its right choices', () => {
    expect(scoreQuiz(quiz, { one: ['a'], many: ['x', 'y'] }, 1)).toMatchObject({ correct: 2, total: 2, passed: true });
    expect(scoreQuiz(quiz, { one: ['a'], many: ['x'] }, 1)).toMatchObject({ correct: 1, passed: false });
    expect(scoreQuiz(quiz, { one: ['a'], many: ['x', 'y', 'z'] }, 1).questions[1]?.right).toBe(false);
  });
  it('applies the pass mark as a share, and ignores choices that are not the question’s', () => {
    expect(scoreQuiz(quiz, { one: ['a'], many: ['z'] }, 0.5).passed).toBe(true);
    expect(scoreQuiz(quiz, { one: ['b'], many: ['z'] }, 0.5).passed).toBe(false);
    expect(scoreQuiz(quiz, { one: ['a', 'nope'], many: ['x', 'y', 'nope'] }, 1).correct).toBe(2);
    expect(scoreQuiz(quiz, {}, 0).correct).toBe(0);
  });
  it('refuses two choices on a single choice question', () => {
    expect(scoreQuiz(quiz, { one: ['a', 'b'], many: ['x', 'y'] }, 1).questions[0]?.right).toBe(false);
  });
});

describe('versioned progress', () => {
  const course = {
    lessons: [
      { number: 1, version: 2 },
      { number: 2, version: 1 },
    ],
  } as unknown as Course;
  it('asks again for a lesson whose version changed, and only for it', () => {
    const passes = [
      { lesson: 1, version: 1, at: '2026-01-01T00:00:00Z' },
      { lesson: 2, version: 1, at: '2026-01-02T00:00:00Z' },
    ];
    expect(lessonProgress(course, passes).map((p) => p.state)).toEqual(['changed', 'passed']);
    const p = courseProgress(course, passes);
    expect(p).toMatchObject({ passed: false, passedCount: 1, resumeAt: 1, passedAt: undefined });
  });
  it('passes the course when every current version is passed, dated by the last of them', () => {
    const passes = [
      { lesson: 2, version: 1, at: '2026-01-02T00:00:00Z' },
      { lesson: 1, version: 2, at: '2026-03-01T00:00:00Z' },
    ];
    expect(courseProgress(course, passes)).toMatchObject({
      passed: true,
      resumeAt: undefined,
      passedAt: '2026-03-01T00:00:00Z',
    });
  });
  it('does not count passes before the date a retake starts from', () => {
    const passes = [
      { lesson: 1, version: 2, at: '2025-01-01T00:00:00Z' },
      { lesson: 2, version: 1, at: '2026-06-01T00:00:00Z' },
    ];
    expect(courseProgress(course, passes, '2026-01-01').lessons.map((l) => l.state)).toEqual(['todo', 'passed']);
  });
});

describe('the shipped courses', () => {
  it('load whole, with every lesson in every language and a quiz that parses', () => {
    const courses = readCourses();
    const c = courses.get('cyber-hygiene');
    expect(c?.lessons).toHaveLength(7);
    for (const lesson of c?.lessons ?? []) {
      expect(Object.keys(lesson.markdown).sort()).toEqual(['en', 'ky', 'ru']);
      expect(lesson.quiz.questions.length).toBeGreaterThan(0);
      const right = Object.fromEntries(
        lesson.quiz.questions.map((q) => [q.id, q.choices.filter((x) => x.correct).map((x) => x.id)]),
      );
      expect(scoreQuiz(lesson.quiz, right, c?.passMark ?? 1).passed).toBe(true);
    }
    expect(c?.unreviewedTranslations.map((u) => u.locale).sort()).toEqual(['ky', 'ru']);
  });
});
