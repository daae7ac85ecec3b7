/** The certificate's page path from its PDF's: the same document, as a picture. */
export const pageImagePath = (pdfPath: string): string => pdfPath.replace(/\/pdf$/, '/page.png')
