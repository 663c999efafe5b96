import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

export interface MotSequenceFixture {
  name: string;
  /** Ground-truth rows as gt.txt holds them (1-based pixels). */
  gt: readonly string[];
  frames: number;
  frameRate?: number;
  /** Frame colour, so the frames of different sequences differ. */
  shade: number;
}

export const FRAME_WIDTH = 32;
export const FRAME_HEIGHT = 24;

/** A MOTChallenge sequence folder `folder/NAME`: seqinfo.ini, PNG frames `img1/000001.png`… and gt/gt.txt. */
export async function writeMotSequence(folder: string, sequence: MotSequenceFixture): Promise<string> {
  const root = join(folder, sequence.name);
  mkdirSync(join(root, 'img1'), { recursive: true });
  mkdirSync(join(root, 'gt'), { recursive: true });
  const rate = sequence.frameRate === undefined ? [] : [`frameRate=${sequence.frameRate}`];
  const ini = [
    '[Sequence]',
    `name=${sequence.name}`,
    'imDir=img1',
    ...rate,
    `seqLength=${sequence.frames}`,
    `imWidth=${FRAME_WIDTH}`,
    `imHeight=${FRAME_HEIGHT}`,
    'imExt=.png',
  ];
  writeFileSync(join(root, 'seqinfo.ini'), `${ini.join('\n')}\n`);
  for (let f = 1; f <= sequence.frames; f++) {
    const background = { r: sequence.shade, g: (f * 60) % 256, b: 255 - f * 20 };
    await sharp({ create: { width: FRAME_WIDTH, height: FRAME_HEIGHT, channels: 3, background } })
      .png()
      .toFile(join(root, 'img1', `${String(f).padStart(6, '0')}.png`));
  }
  writeFileSync(join(root, 'gt', 'gt.txt'), sequence.gt.map((r) => `${r}\n`).join(''));
  return root;
}
