import { describe, expect, it } from 'vitest';
import { parseMediaPath, readMedia } from '../../../../main/webHost/mediaRoutes.js';

describe('media routes', () => {
  it('reads /image/ID and /thumb/ID with an id of 1 to 15 digits, nothing else', () => {
    expect(parseMediaPath('/image/12')).toEqual({ kind: 'image', id: 12 });
    expect(parseMediaPath('/thumb/7')).toEqual({ kind: 'thumb', id: 7 });
    for (const path of ['/image/', '/image/1/2', '/image/-1', '/image/1e3', '/image/../x', '/thumb/1234567890123456', '/other/1']) {
      expect(parseMediaPath(path), path).toBeNull();
    }
  });

  it('serves thumbnails as JPEG and images with their own type', async () => {
    const services = {
      thumbnail: (id: number) => Buffer.from(`thumb ${id}`),
      image: async (id: number) => ({ bytes: Buffer.from(`image ${id}`), mime: 'image/png' }),
    };
    expect(await readMedia(services, { kind: 'thumb', id: 3 })).toEqual({ bytes: Buffer.from('thumb 3'), mime: 'image/jpeg' });
    expect(await readMedia(services, { kind: 'image', id: 4 })).toEqual({ bytes: Buffer.from('image 4'), mime: 'image/png' });
  });
});
