import { describe, expect, it } from 'vitest';
import { parseCityPersons, writeCityPersons } from '../../../../core/formats/cityPersons.js';
import { parseOdgt, writeOdgt } from '../../../../core/formats/crowdHuman.js';

const CITY = {
  imgHeight: 1024,
  imgWidth: 2048,
  objects: [
    { instanceId: 24000, bbox: [10, 20, 30, 60], bboxVis: [10, 20, 30, 30], label: 'pedestrian' },
    { instanceId: 25000, bbox: [100, 20, 20, 40], bboxVis: [100, 20, 20, 40], label: 'rider' },
    { instanceId: 0, bbox: [200, 10, 50, 50], bboxVis: [200, 10, 50, 50], label: 'ignore' },
    { instanceId: 0, bbox: [300, 10, 40, 40], bboxVis: [300, 10, 40, 20], label: 'person group' },
  ],
};

describe('CityPersons files', () => {
  it('reads persons, ignore regions and the visibility attributes', () => {
    const { width, height, annotations } = parseCityPersons(CITY, 'a.json', 'pedestrian');
    expect([width, height]).toEqual([2048, 1024]);
    expect(annotations.map((a) => [a.category, a.iscrowd])).toEqual([
      ['pedestrian', false],
      ['rider', false],
      ['pedestrian', true],
      ['pedestrian', true],
    ]);
    expect(annotations[0]).toMatchObject({
      bbox: [10, 20, 30, 60],
      area: 1800,
      attributes: { vis_bbox: [10, 20, 30, 30], height: 60, vis_ratio: 0.5, instance_id: 24000 },
    });
    expect(annotations[3].attributes).toMatchObject({ citypersons_label: 'person group', vis_ratio: 0.5 });
  });

  it('writes the labels back, boxes on whole pixels, and leaves out other categories', () => {
    const read = parseCityPersons(CITY, 'a.json', 'pedestrian').annotations;
    const outputs = [...read, { category: 'car', bbox: [1, 1, 2, 2], iscrowd: false, attributes: {} }];
    const { json, leftOut } = writeCityPersons(2048, 1024, outputs, 'pedestrian');
    expect(json).toEqual(CITY);
    expect(leftOut).toBe(1);
    const fresh = writeCityPersons(20, 10, [{ category: 'pedestrian', bbox: [1.4, 2.6, 3.3, 4], iscrowd: false, attributes: {} }], 'pedestrian').json;
    expect(fresh).toEqual({ imgHeight: 10, imgWidth: 20, objects: [{ instanceId: 1, bbox: [1, 3, 4, 4], bboxVis: [1, 3, 4, 4], label: 'pedestrian' }] });
  });

  it('names the file and object of a malformed record without quoting it', () => {
    const bad = { ...CITY, objects: [CITY.objects[0], { ...CITY.objects[1], bbox: [1, 2, 'secret'] }] };
    expect(() => parseCityPersons(bad, 'a.json', 'pedestrian')).toThrow('a.json: objects[1]: bbox must be 4 numbers');
    expect(() => parseCityPersons(bad, 'a.json', 'pedestrian')).not.toThrow(/secret/);
    expect(() => parseCityPersons({ ...CITY, objects: [{ ...CITY.objects[0], label: 'secret' }] }, 'a.json', 'pedestrian')).toThrow(
      'a.json: objects[0]: label must be one of pedestrian, rider',
    );
    expect(() => parseCityPersons({ objects: [] }, 'a.json', 'pedestrian')).toThrow('a.json: imgWidth: must be a whole number from 1');
  });
});

const ODGT_LINES = [
  {
    ID: '273271,c9db000d5146c15',
    gtboxes: [
      {
        tag: 'person',
        hbox: [12, 4, 6, 6],
        head_attr: { ignore: 0, occ: 0, unsure: 0 },
        fbox: [10, 2, 10, 40],
        vbox: [10, 2, 10, 20],
        extra: { box_id: 0, occ: 1 },
      },
      { tag: 'mask', hbox: [30, 0, 10, 10], head_attr: {}, fbox: [30, 0, 10, 10], vbox: [30, 0, 10, 10], extra: { ignore: 1 } },
      { tag: 'person', hbox: [50, 1, 4, 4], head_attr: { ignore: 1 }, fbox: [48, 0, 8, 20], vbox: [48, 0, 8, 20], extra: { box_id: 2, ignore: 1 } },
    ],
  },
  { ID: '284193,faa9000f2678b5e', gtboxes: [] },
];
const ODGT = ODGT_LINES.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('CrowdHuman .odgt files', () => {
  it('reads a record a line: fbox as the box, mask and extra.ignore as ignore regions', () => {
    const records = parseOdgt(ODGT, 'a.odgt', 'pedestrian');
    expect(records.map((r) => [r.id, r.where, r.annotations.length])).toEqual([
      ['273271,c9db000d5146c15', 'line 1', 3],
      ['284193,faa9000f2678b5e', 'line 2', 0],
    ]);
    const [person, mask, ignored] = records[0].annotations;
    expect(person).toMatchObject({
      category: 'pedestrian',
      bbox: [10, 2, 10, 40],
      iscrowd: false,
      attributes: { vis_bbox: [10, 2, 10, 20], head_bbox: [12, 4, 6, 6], height: 40, vis_ratio: 0.5 },
    });
    expect([mask.iscrowd, ignored.iscrowd]).toEqual([true, true]);
  });

  it('writes the same lines back', () => {
    const records = parseOdgt(ODGT, 'a.odgt', 'pedestrian');
    const written = writeOdgt(records.map((r) => ({ id: r.id, boxes: r.annotations })));
    expect(written.endsWith('\n')).toBe(true);
    expect(
      written
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(ODGT_LINES);
    const fresh = writeOdgt([{ id: 'x', boxes: [{ bbox: [0.4, 1, 2.2, 3], iscrowd: true, attributes: {} }] }]);
    expect(JSON.parse(fresh)).toEqual({ ID: 'x', gtboxes: [{ tag: 'person', fbox: [0, 1, 3, 3], vbox: [0, 1, 3, 3], extra: { ignore: 1 } }] });
  });

  it('names the file, line and box of a malformed record without quoting it', () => {
    const bad =
      ODGT +
      JSON.stringify({
        ID: 'y',
        gtboxes: [
          { tag: 'person', fbox: [1, 2, 3, 4] },
          { tag: 'person', fbox: [1, 2, 3, 4] },
          { tag: 'person', fbox: ['secret'] },
        ],
      });
    expect(() => parseOdgt(bad, 'a.odgt', 'pedestrian')).toThrow('a.odgt: line 3: gtboxes[2]: fbox must be 4 numbers');
    expect(() => parseOdgt('secret text\n', 'a.odgt', 'pedestrian')).toThrow('a.odgt: line 1: is not JSON');
    expect(() => parseOdgt('secret text\n', 'a.odgt', 'pedestrian')).not.toThrow(/secret/);
    expect(() => parseOdgt('{"ID": "../up", "gtboxes": []}\n', 'a.odgt', 'pedestrian')).toThrow('a.odgt: line 1: ID must be an image name');
  });
});
