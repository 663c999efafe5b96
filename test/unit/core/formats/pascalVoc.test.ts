import { describe, expect, it } from 'vitest';
import { parseVocXml, vocCorners, writeVocXml } from '../../../../core/formats/pascalVoc.js';
import { parseXml } from '../../../../core/formats/xml.js';
import { VOC_XML } from '../../../helpers/formatFixtures.js';

describe('Pascal VOC XML', () => {
  it('reads boxes (1-based, inclusive) and keeps pose, truncated, difficult and occluded as attributes', () => {
    const image = parseVocXml(VOC_XML, 'street_01.xml');
    expect(image).toMatchObject({ fileName: 'street_01.png', width: 640, height: 480, where: 'street_01.xml' });
    expect(image.annotations).toEqual([
      {
        category: 'person',
        bbox: [47, 99, 64, 181],
        area: 64 * 181,
        iscrowd: false,
        segmentation: null,
        attributes: { pose: 'Left', truncated: 0, difficult: 1 },
      },
      { category: 'bicycle & rider', bbox: [299, 19, 2, 3], area: 6, iscrowd: false, segmentation: null, attributes: { occluded: 1 } },
    ]);
  });

  it('writes XML that reads back to the same boxes and attributes', () => {
    const image = parseVocXml(VOC_XML, 'in.xml');
    const xml = writeVocXml({
      folder: 'images',
      fileName: image.fileName,
      path: '/data/images/street_01.png',
      width: 640,
      height: 480,
      depth: 3,
      objects: image.annotations.map((a) => ({ name: a.category, bbox: a.bbox, attributes: a.attributes })),
    });
    expect(xml).toContain('<name>bicycle &amp; rider</name>');
    const again = parseVocXml(xml, 'out.xml');
    expect(again.annotations.map((a) => a.bbox)).toEqual(image.annotations.map((a) => a.bbox));
    expect(again.annotations[0].attributes).toEqual({ pose: 'Left', truncated: 0, difficult: 1 });
    expect(again.annotations[1].attributes).toEqual({ pose: 'Unspecified', truncated: 0, difficult: 0, occluded: 1 });
  });

  it('names the file, the object and the line of a malformed record', () => {
    expect(() => parseVocXml(VOC_XML.replace('<xmin>48</xmin>', '<xmin>4B</xmin>'), 'a.xml')).toThrow(
      /^a\.xml: object 1 \(line 9\), line 14: <xmin> must be a number, got "4B"/,
    );
    expect(() => parseVocXml(VOC_XML.replace(/<bndbox>[\s\S]*?<\/bndbox>/, ''), 'a.xml')).toThrow(/^a\.xml: object 1 \(line 9\): <bndbox> is missing/);
    expect(() => parseVocXml(VOC_XML.replace('<name>person</name>', '<name></name>'), 'a.xml')).toThrow(/object 1 \(line 9\): <name> is missing or empty/);
    expect(() => parseVocXml(VOC_XML.replace('<xmax>301</xmax>', '<xmax>200</xmax>'), 'a.xml')).toThrow(/object 2 .*max corner before its min corner/);
    expect(() => parseVocXml(VOC_XML.replace('<filename>street_01.png</filename>', ''), 'a.xml')).toThrow(/^a\.xml: <filename> is missing/);
    expect(() => parseVocXml('<annotations></annotations>', 'a.xml')).toThrow(/expected <annotation>/);
  });
});

describe('XML reader', () => {
  it('reads elements, entities, CDATA and skips comments and the declaration', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><a x="1"><b>&lt;1&#x41;&#66;&gt;</b><c><![CDATA[<raw>]]></c><d/></a>', 'f.xml');
    expect(root.children.map((c) => [c.name, c.text, c.line])).toEqual([
      ['b', '<1AB>', 2],
      ['c', '<raw>', 2],
      ['d', '', 2],
    ]);
  });

  it('names the file and line of malformed markup', () => {
    expect(() => parseXml('<a>\n<b></c>\n</a>', 'f.xml')).toThrow(/^f\.xml: line 2: closing tag <\/c> does not match <b> \(line 2\)/);
    expect(() => parseXml('<a>\n<b>', 'f.xml')).toThrow(/^f\.xml: line 2: <b> \(line 2\) is never closed/);
    expect(() => parseXml('<a>x & y</a>', 'f.xml')).toThrow(/line 1: unescaped "&"/);
    expect(() => parseXml('<a></a><b/>', 'f.xml')).toThrow(/<b> after the root element/);
    expect(() => parseXml('<a><</a>', 'f.xml')).toThrow(/line 1: malformed tag/);
    expect(() => parseXml('just text', 'f.xml')).toThrow(/text outside the root element/);
  });
});

describe('Pascal VOC export', () => {
  it('writes whole-pixel corners: fractional boxes rounded to the nearest pixel edges, inside the image', () => {
    expect(vocCorners([47, 99, 64, 181], 640, 480)).toEqual([48, 100, 111, 280]);
    expect(vocCorners([10.4, 20.6, 30.2, 40.5], 640, 480)).toEqual([11, 22, 41, 61]);
    expect(vocCorners([-3.2, 470.9, 700, 20], 640, 480)).toEqual([1, 472, 640, 480]);
    expect(vocCorners([5.2, 5.2, 0.1, 0.1], 640, 480)).toEqual([6, 6, 6, 6]);
    const xml = writeVocXml({
      folder: 'f',
      fileName: 'a.png',
      path: '/a.png',
      width: 640,
      height: 480,
      depth: 3,
      objects: [{ name: 'person', bbox: [10.4, 20.6, 30.2, 40.5], attributes: {} }],
    });
    expect(xml).toContain('<xmin>11</xmin>');
    expect(xml).toContain('<ymax>61</ymax>');
    expect(xml).not.toMatch(/<[xy](min|max)>[^<]*\./);
  });
});
