import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppException } from '../../core/errors/app.exception'

/** 150 dpi: an A4 page 1240 px wide, sharp on a phone at 2–3× without a large download */
const DPI = 150

/**
 * The first page of a PDF as a PNG, by poppler's pdftoppm (poppler-utils). A server without it
 * answers CERTIFICATE_PDF_UNAVAILABLE and the app offers the PDF itself instead.
 */
export async function firstPagePng(pdf: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'xiangli-page-'))
  try {
    await writeFile(join(dir, 'c.pdf'), pdf)
    await new Promise<void>((resolve, reject) =>
      execFile(
        'pdftoppm',
        [
          '-png',
          '-r',
          String(DPI),
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          join(dir, 'c.pdf'),
          join(dir, 'page'),
        ],
        { timeout: 20_000 },
        (e) => (e ? reject(e) : resolve()),
      ),
    ).catch(() => {
      throw new AppException('CERTIFICATE_PDF_UNAVAILABLE')
    })
    return await readFile(join(dir, 'page.png'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
