import { readFileSync } from 'node:fs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Typed access to the pdfmake 0.3 server API.
 *
 * `@types/pdfmake` describes the 0.2 API (`new PdfPrinter(fonts)`), while pdfmake 0.3 exports a
 * ready instance with `setFonts()`, `createPdf()` and promise-based outputs. Only the document
 * definition types (`pdfmake/interfaces`) are still taken from `@types/pdfmake`: they match what
 * this folder uses from 0.3.
 */
interface PdfMakeOutputDocument {
  getBuffer(): Promise<Buffer>;
}

interface PdfMakeFontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

interface PdfMakeVirtualFileSystem {
  existsSync(filename: string): boolean;
  writeFileSync(filename: string, content: Buffer): void;
}

interface PdfMakeServer {
  virtualfs: PdfMakeVirtualFileSystem;
  setFonts(fonts: Record<string, PdfMakeFontFiles>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(docDefinition: TDocumentDefinitions): PdfMakeOutputDocument;
}

// Both modules are loaded with require() because no typing for the 0.3 runtime exists. They stay
// runtime requires in the webpack bundle too, because NxAppWebpackPlugin makes every node_modules
// import external by default, so `pdfmake/fonts/Roboto` reports the real paths of the TTF files
// shipped with pdfmake.
const sharedPdfMake = require('pdfmake') as PdfMakeServer;
const robotoFontFiles = require('pdfmake/fonts/Roboto') as { Roboto: PdfMakeFontFiles };

/** Prefix of the font entries this module stores in pdfmake's in-memory file system. */
const VIRTUAL_FONT_DIRECTORY = 'solleciti-courtesy-copy-fonts';

let privateInstance: PdfMakeServer | null = null;

/**
 * Returns a pdfmake instance owned by this module, with the Roboto fonts loaded in memory and
 * every file and URL access denied.
 *
 * pdfmake 0.3 exports one shared instance, so fonts and access policies set on it would apply to
 * every other user of the package. A second instance of the same class keeps them separate. The
 * in-memory file system is still shared between instances, which is why the font entries carry a
 * prefix.
 */
export function getPdfMake(): PdfMakeServer {
  if (privateInstance) {
    return privateInstance;
  }

  const PdfMakeClass = Object.getPrototypeOf(sharedPdfMake).constructor as new () => PdfMakeServer;
  const instance = new PdfMakeClass();
  const fonts = loadRobotoIntoVirtualFileSystem(instance.virtualfs);

  // NOTE: Roboto covers Latin, Greek and Cyrillic text and the euro sign, but has no CJK or emoji
  // glyphs. Such characters print as empty boxes.
  instance.setFonts({ Roboto: fonts });
  // The document only contains text, so nothing may be fetched or read from disk while rendering.
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  privateInstance = instance;

  return instance;
}

function loadRobotoIntoVirtualFileSystem(virtualfs: PdfMakeVirtualFileSystem): PdfMakeFontFiles {
  const source = robotoFontFiles.Roboto;
  const styles = ['normal', 'bold', 'italics', 'bolditalics'] as const;
  const virtualFiles = {} as PdfMakeFontFiles;

  for (const style of styles) {
    const virtualName = `${VIRTUAL_FONT_DIRECTORY}/Roboto-${style}.ttf`;
    if (!virtualfs.existsSync(virtualName)) {
      virtualfs.writeFileSync(virtualName, readFileSync(source[style]));
    }
    virtualFiles[style] = virtualName;
  }

  return virtualFiles;
}
