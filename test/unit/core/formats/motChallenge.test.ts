import { describe, expect, it } from 'vitest';
import { frameFileName, motGroundTruth, motRole, parseMotRows, parseSeqinfo, writeMotGroundTruth } from '../../../../core/formats/motChallenge.js';

const SEQINFO = '[Sequence]\nname=MOT20-01\nimDir=img1\nframeRate=25\nseqLength=429\nimWidth=1920\nimHeight=1080\nimExt=.jpg\n';

describe('MOTChallenge formats', () => {
  it('reads seqinfo.ini and names frames with six digits', () => {
    expect(parseSeqinfo(SEQINFO, 'seqinfo.ini')).toEqual({
      name: 'MOT20-01',
      imDir: 'img1',
      frameRate: 25,
      seqLength: 429,
      imWidth: 1920,
      imHeight: 1080,
      imExt: '.jpg',
    });
    expect(frameFileName(12, '.jpg')).toBe('000012.jpg');
    expect(() => parseSeqinfo(SEQINFO.replace('seqLength=429', ''), 'seqinfo.ini')).toThrow('seqinfo.ini: has no seqLength');
    expect(() => parseSeqinfo(SEQINFO.replace('imDir=img1', 'imDir=../elsewhere'), 'seqinfo.ini')).toThrow('name and imDir must be plain folder names');
  });

  it('maps classes as MOTChallenge evaluation treats them', () => {
    const role = (classId: number, conf = 1) => motRole({ classId, conf });
    expect(role(1)).toBe('pedestrian');
    expect(role(1, 0)).toBe('ignore');
    expect([2, 7, 8, 12].map((c) => role(c))).toEqual(['ignore', 'ignore', 'ignore', 'ignore']);
    expect([3, 4, 5, 6, 9, 10, 11, 13].map((c) => role(c))).toEqual(Array(8).fill('skip'));
    // MOT15 ground truth has no class column value (-1): its rows are pedestrians.
    expect(motRole({ classId: -1, conf: 1 })).toBe('pedestrian');
    expect(motRole({ classId: null, conf: null })).toBe('pedestrian');
  });

  it('names the line of a malformed row without quoting it', () => {
    expect(() => parseMotRows('1,1,1,1,2,2,1,1,1\n1,1,secret,1,2,2\n', 'gt.txt', 5)).toThrow('gt.txt: line 2: value 3 is not a number');
    expect(() => parseMotRows('1,1,1,1,2,2,1,1,1\n1,1,secret,1,2,2\n', 'gt.txt', 5)).not.toThrow(/secret/);
    expect(() => parseMotRows('1,1,1,1,-2,2\n', 'gt.txt', 5)).toThrow('gt.txt: line 1: the box has a negative size (-2, 2)');
    expect(() => parseMotRows('0,1,1,1,2,2\n', 'gt.txt', 5)).toThrow('gt.txt: line 1: frame 0 is not a frame of the sequence (1..5)');
  });

  it('keeps track id and visibility, and writes whole 1-based pixels back', () => {
    const rows = parseMotRows('2,4,10.5,20,30,40,1,1,0.25\n', 'gt.txt', 5);
    const { byFrame, skipped } = motGroundTruth(rows, 'pedestrian', 'MOT20-01');
    expect(skipped).toBe(0);
    expect(byFrame.get(2)).toEqual([
      {
        category: 'pedestrian',
        bbox: [9.5, 19, 30, 40],
        area: 1200,
        iscrowd: false,
        segmentation: null,
        attributes: { track_id: 4, sequence: 'MOT20-01', visibility: 0.25 },
      },
    ]);
    expect(writeMotGroundTruth([{ frame: 2, trackId: 4, bbox: [9.5, 19, 30, 40], iscrowd: false, attributes: {} }])).toBe('2,4,11,20,30,40,1,1,1\n');
    expect(writeMotGroundTruth([{ frame: 1, trackId: 2, bbox: [0, 0, 5, 5], iscrowd: true, attributes: { mot_class: 3 } }])).toBe('1,2,1,1,5,5,0,1,1\n');
  });
});
