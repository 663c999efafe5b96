import { describe, expect, it } from 'vitest';
import { parseYoloClasses } from '../../../../core/formats/yolo.js';

describe('YOLO classes files', () => {
  it("take the names detectors' label lists use", () => {
    const names = ['person', 'traffic light', 'cyclist/rider', 'Fußgänger', '歩行者', "driver's seat", 'class_2', 'T-shirt (white)', 'x+y', 'a.b,c&d'];
    expect(parseYoloClasses(`${names.join('\n')}\n\n`, 'classes.txt')).toEqual(names);
  });

  it('refuse lines that are no class name, saying where and why, without quoting them', () => {
    const cases: [string, string][] = [
      ['person\n-----BEGIN RSA PRIVATE KEY-----\n', 'classes.txt: line 2: is not a class name (it holds characters class names do not use)'],
      ['person\nroot:x:0:0:root:/root:/bin/bash\n', 'classes.txt: line 2: is not a class name (it holds characters class names do not use)'],
      ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n', 'classes.txt: line 1: is not a class name (it looks like encoded data, not a name)'],
      [`${'a'.repeat(101)}\n`, 'classes.txt: line 1: is not a class name (longer than 100 characters)'],
    ];
    for (const [text, message] of cases) expect(() => parseYoloClasses(text, 'classes.txt')).toThrow(message);
    expect(() => parseYoloClasses('a\n'.repeat(10_001), 'classes.txt')).toThrow('classes.txt: has 10002 lines; a classes file lists at most 10000 names');
  });
});
