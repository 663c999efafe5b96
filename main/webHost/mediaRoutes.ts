import type { Services } from '../services.js';

/** An image or its thumbnail, by the store's image id. */
export interface MediaRoute {
  kind: 'image' | 'thumb';
  id: number;
}

const MEDIA_PATH = /^\/(image|thumb)\/(\d{1,15})$/;

/**
 * The route of `/image/ID` or `/thumb/ID` (ID: 1 to 15 digits), the same for the web host and pedlab://image/ID,
 * pedlab://thumb/ID in the desktop app; null for any other path.
 */
export function parseMediaPath(path: string): MediaRoute | null {
  const match = MEDIA_PATH.exec(path);
  return match ? { kind: match[1] as MediaRoute['kind'], id: Number(match[2]) } : null;
}

/** The bytes and type a media route serves: only images the store knows, by id, so no path reaches the disk. */
export async function readMedia(services: Pick<Services, 'image' | 'thumbnail'>, route: MediaRoute): Promise<{ bytes: Buffer; mime: string }> {
  if (route.kind === 'thumb') return { bytes: services.thumbnail(route.id), mime: 'image/jpeg' };
  return services.image(route.id);
}
