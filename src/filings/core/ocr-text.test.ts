import { describe, expect, it } from 'vitest';
import { engineVersion, installedLanguages, tidyOcrText } from './ocr-text.ts';

describe('what the OCR adapter reads from the engine', () => {
  it('takes the version from the first line, and nothing from another program', () => {
    expect(engineVersion('tesseract 5.3.0\n leptonica-1.82.0\n  libgif 5.2.1')).toBe('tesseract 5.3.0');
    expect(engineVersion('tesseract v4.1.1-rc2\n')).toBe('tesseract 4.1.1-rc2');
    expect(engineVersion('pdftoppm version 22.12.0')).toBeUndefined();
  });

  it('keeps the wanted languages the engine has, in the order wanted', () => {
    const listed = 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (4):\neng\nkir\nosd\nrus\n';
    expect(installedLanguages(listed)).toEqual(['kir', 'rus', 'eng']);
    expect(installedLanguages('List of available languages (2):\neng\nosd')).toEqual(['eng']);
    // The folder line never counts, whatever it says.
    expect(installedLanguages('rus\neng')).toEqual(['eng']);
  });

  it('folds blanks and page ends, drops empty lines and bounds the text', () => {
    expect(tidyOcrText('  Счёт   за\tплакаты \n\n\fInvoice  ZEBRA\r\n\f', 1000)).toBe('Счёт за плакаты\nInvoice ZEBRA');
    expect(tidyOcrText('abcdef', 4)).toBe('abcd');
  });
});
