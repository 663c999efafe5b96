import { z } from 'zod';
import type { Channel } from './channels.js';
import type { Annotation, AppInfo, ImageEntry, ProjectSummary } from './types.js';

/** A channel's request schema (validated at the door in main) and its response type. */
interface Spec<Req extends z.ZodType, Res> {
  request: Req;
  /** Type-level only: the value the channel answers with. */
  response?: Res;
}

function spec<Res>() {
  return <Req extends z.ZodType>(request: Req): Spec<Req, Res> => ({ request });
}

const empty = z.object({}).strict();
const id = z.number().int().positive();

export const contract = {
  'app.info': spec<AppInfo>()(empty),
  'project.current': spec<ProjectSummary | null>()(empty),
  'project.openFolder': spec<ProjectSummary>()(z.object({ folder: z.string().min(1).max(4096) }).strict()),
  'project.pickFolder': spec<{ folder: string | null }>()(empty),
  'images.list': spec<ImageEntry[]>()(empty),
  'annotations.list': spec<Annotation[]>()(z.object({ imageId: id }).strict()),
} satisfies Record<Channel, Spec<z.ZodType, unknown>>;

/** Fails to compile when a contract entry is missing from `channels` or the reverse. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractCoversChannels: Exact<keyof typeof contract, Channel> = true;

export type RequestOf<C extends Channel> = z.input<(typeof contract)[C]['request']>;
export type ResponseOf<C extends Channel> = Exclude<(typeof contract)[C]['response'], undefined>;

/** One handler per channel: a host that misses one, or has one too many, fails the type check. */
export type Handlers = { [C in Channel]: (request: z.output<(typeof contract)[C]['request']>) => Promise<ResponseOf<C>> };

/** The API the renderer sees, whichever host it runs in. */
export type PedlabApi = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export type { Channel } from './channels.js';
export { channels } from './channels.js';
