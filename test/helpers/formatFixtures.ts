/** Small hand-made annotation files, one per format, for import and export tests. */

/** Two objects on a 640×480 image; the first with pose, truncated and difficult, the second occluded. */
export const VOC_XML = `<?xml version="1.0" encoding="utf-8"?>
<annotation>
\t<folder>images</folder>
\t<filename>street_01.png</filename>
\t<size>
\t\t<width>640</width><height>480</height><depth>3</depth>
\t</size>
\t<!-- a comment -->
\t<object>
\t\t<name>person</name>
\t\t<pose>Left</pose>
\t\t<truncated>0</truncated>
\t\t<difficult>1</difficult>
\t\t<bndbox><xmin>48</xmin>
\t\t\t<ymin>100</ymin><xmax>111</xmax><ymax>280</ymax></bndbox>
\t</object>
\t<object>
\t\t<name>bicycle &amp; rider</name>
\t\t<occluded>1</occluded>
\t\t<bndbox><xmin>300</xmin><ymin>20</ymin><xmax>301</xmax><ymax>22</ymax></bndbox>
\t</object>
</annotation>
`;

/** A COCO instances file with a polygon, a crowd region in plain RLE, compressed RLE, a box only and attributes. */
export const SMALL_COCO = {
  images: [
    { id: 7, file_name: 'a.png', width: 8, height: 6 },
    { id: 9, file_name: 'b.png', width: 5, height: 4 },
  ],
  categories: [
    { id: 1, name: 'person', supercategory: 'human' },
    { id: 3, name: 'bicycle', supercategory: 'vehicle' },
  ],
  annotations: [
    {
      id: 10,
      image_id: 7,
      category_id: 1,
      bbox: [1, 1, 3, 4],
      area: 9.5,
      iscrowd: 0,
      segmentation: [[1, 1, 4, 1, 4, 5, 1, 5]],
      attributes: { occluded: true },
    },
    { id: 11, image_id: 7, category_id: 3, bbox: [5, 0, 2, 2], area: 4, iscrowd: 1, segmentation: { size: [6, 8], counts: [30, 2, 4, 2, 10] } },
    { id: 12, image_id: 9, category_id: 1, bbox: [0, 0, 2, 2], area: 3, iscrowd: 0, segmentation: { size: [4, 5], counts: '52305' } },
    { id: 13, image_id: 9, category_id: 3, bbox: [2.5, 1, 1.5, 2], area: 3 },
  ],
};

/** A labelme file on a 40×30 image: a rectangle (corners given bottom-right first), a polygon, and a circle. */
export const LABELME = {
  version: '5.4.1',
  flags: {},
  imagePath: 'street_02.png',
  imageData: null,
  imageHeight: 30,
  imageWidth: 40,
  shapes: [
    {
      label: 'person',
      points: [
        [20, 25],
        [4, 5],
      ],
      group_id: null,
      shape_type: 'rectangle',
      flags: {},
    },
    {
      label: 'person',
      points: [
        [10, 2],
        [30, 2],
        [30, 12],
        [10, 12],
      ],
      group_id: 3,
      shape_type: 'polygon',
      flags: { occluded: true },
      description: 'far',
    },
    {
      label: 'ball',
      points: [
        [5, 5],
        [7, 7],
      ],
      group_id: null,
      shape_type: 'circle',
      flags: {},
    },
  ],
};
