import { describe, expect, it } from 'vitest';
import { changeText } from './change-text.ts';

describe('changeText', () => {
  it('shows a logged record as indented JSON', () => {
    expect(changeText('{"status":"withdrawn","withdrawnOn":"2030-09-10"}')).toBe(
      '{\n "status": "withdrawn",\n "withdrawnOn": "2030-09-10"\n}',
    );
  });
  it('says nothing when the log holds no record, and shows text that is not JSON as it is', () => {
    expect(changeText(null)).toBeUndefined();
    expect(changeText('not json')).toBe('not json');
  });
  it('cuts a long record', () => {
    const long = changeText(JSON.stringify({ text: 'x'.repeat(5000) }));
    expect(long).toHaveLength(4002);
    expect(long?.endsWith(' …')).toBe(true);
  });
});
