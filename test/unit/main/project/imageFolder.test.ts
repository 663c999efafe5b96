import { describe, expect, it } from 'vitest';
import { folderLabel, sequenceFolder } from '../../../../main/project/imageFolder.js';

describe('how the image list names an image’s folder', () => {
  it('is empty for the project folder itself, and a path inside it otherwise', () => {
    expect(folderLabel('/data/street', '/data/street/a.png')).toBe('');
    expect(folderLabel('/data/street', '/data/street/day1/cam2/a.png')).toBe('day1/cam2');
  });

  it('names a MOTChallenge frame by its sequence, not by img1/', () => {
    expect(sequenceFolder('/data/MOT17/train/MOT17-02/img1')).toBe('/data/MOT17/train/MOT17-02');
    expect(folderLabel('/data/MOT17/train', '/data/MOT17/train/MOT17-02/img1/000001.jpg')).toBe('MOT17-02');
    // The project folder is the sequence: nothing to tell apart.
    expect(folderLabel('/data/MOT17-02', '/data/MOT17-02/img1/000001.jpg')).toBe('');
  });

  it('names a folder outside the project by its own name', () => {
    expect(folderLabel('/home/me/project', '/data/MOT17/train/MOT17-10/img1/000002.jpg')).toBe('MOT17-10');
  });
});
