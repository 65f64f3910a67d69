/** Pixel sizes of the issue's photos, read with sharp before layout (layout itself is pure). */
import sharp from 'sharp';
import { BanmianError } from '../errors.js';
import type { Issue } from '../manifest/types.js';
import type { PixelSize } from '../layout/module.js';

export async function probePhotos(issue: Issue): Promise<Map<string, PixelSize>> {
  const sizes = new Map<string, PixelSize>();
  for (const page of issue.pages) {
    for (const article of page.articles) {
      for (const photo of article.photos) {
        if (sizes.has(photo.file)) continue;
        try {
          const meta = await sharp(photo.file).metadata();
          const { width, height } = meta.autoOrient;
          sizes.set(photo.file, { pixelWidth: width, pixelHeight: height });
        } catch (error) {
          throw new BanmianError(
            'bad-image',
            'input',
            `cannot read the image ${photo.file}: ${(error as Error).message}`,
            { file: photo.source.file, line: photo.source.line, field: photo.source.field },
            'supply a JPEG, PNG or TIFF photo',
          );
        }
      }
    }
  }
  return sizes;
}
