// Notices: "saved" after a form went through, and a warning or a note in the page's flow.
import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  /** `done`: a change went through (role=status); `warn`: take care; `note`: for information. */
  kind?: 'done' | 'warn' | 'note';
  /** Nothing is rendered when the text is empty or undefined and there are no children. */
  text?: string | undefined;
  children?: ComponentChildren;
}

const CLASS = { done: 'done', warn: 'note-box', note: 'older' } as const;

export function Notice(p: NoticeProps) {
  if (!p.text && !p.children) return null;
  const kind = p.kind ?? 'done';
  return (
    <div class={CLASS[kind]} role={kind === 'done' ? 'status' : 'note'}>
      {p.text ? <p>{p.text}</p> : null}
      {p.children}
    </div>
  );
}
