import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../../core/report/csvText.js';

describe('CSV cells', () => {
  it('neutralises text a spreadsheet would run as a formula, as OWASP recommends', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('@SUM(1)')).toBe(`"'@SUM(1)"`);
    expect(csvCell('+cmd.png')).toBe(`"'+cmd.png"`);
    expect(csvCell('-2+3.jpg')).toBe(`"'-2+3.jpg"`);
    expect(csvCell('\tcalc')).toBe(`"'\tcalc"`);
    expect(csvCell('\rcalc')).toBe(`"'\rcalc"`);
  });

  it('keeps numbers, negative ones too, and ordinary text as they are', () => {
    expect(csvCell(-0.18)).toBe('-0.18');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell('street_01.png')).toBe('street_01.png');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('x=1')).toBe('x=1');
  });
});
