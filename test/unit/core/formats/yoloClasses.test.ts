import { describe, expect, it } from 'vitest';
import { parseYoloClasses } from '../../../../core/formats/yolo.js';

describe('YOLO classes files', () => {
  it("take the names detectors' label lists use", () => {
    const names = [
      'person',
      'traffic light',
      'cyclist/rider',
      'Fußgänger',
      '歩行者',
      "driver's seat",
      'class_2',
      'T-shirt (white)',
      'x+y',
      'a.b,c&d',
      'traffic_sign_2019_regulatory',
      'pedestrian.crossing.signal12',
      'personal flotation device',
      'bicycle/motorcycle/scooter2',
    ];
    expect(parseYoloClasses(`${names.join('\n')}\n\n`, 'classes.txt')).toEqual(names);
  });

  it('refuse lines that are no class name, saying where and why, without quoting them', () => {
    const cases: [string, string][] = [
      ['person\n-----BEGIN RSA PRIVATE KEY-----\n', 'classes.txt: line 2: is not a class name (it holds characters class names do not use)'],
      ['person\nroot:x:0:0:root:/root:/bin/bash\n', 'classes.txt: line 2: is not a class name (it holds characters class names do not use)'],
      ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n', 'classes.txt: line 1: is not a class name (it looks like encoded data, not a name)'],
      [`${'a'.repeat(101)}\n`, 'classes.txt: line 1: is not a class name (longer than 100 characters)'],
      // Tokens short enough to pass for a word: a hex key, a line of base64, an access token.
      ['person\n3f2a9c8b7d6e5f4a3b2c1d0e9f8a7b6c\n', 'classes.txt: line 2: is not a class name (it looks like encoded data, not a name)'],
      ['Zm9vYmFyYmF6/cXV4cXV1eA12bGw\n', 'classes.txt: line 1: is not a class name (it looks like encoded data, not a name)'],
      ['ghp_16C7e42F292c6912E7710c838347Ae178B4a\n', 'classes.txt: line 1: is not a class name (it looks like encoded data, not a name)'],
    ];
    for (const [text, message] of cases) expect(() => parseYoloClasses(text, 'classes.txt')).toThrow(message);
    expect(() => parseYoloClasses('a\n'.repeat(10_001), 'classes.txt')).toThrow('classes.txt: has 10002 lines; a classes file lists at most 10000 names');
  });
});
