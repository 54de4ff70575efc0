/** Small .ods files and content.xml documents written by hand, for the .ods validation reader. */
import { craftZip } from './zip-craft.ts';

const NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"';

/** content.xml around the given `office:spreadsheet` body. */
export function contentXml(spreadsheet: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.2">` +
    `<office:body><office:spreadsheet>${spreadsheet}</office:spreadsheet></office:body></office:document-content>`
  );
}

export function validations(rules: Record<string, string>): string {
  const items = Object.entries(rules).map(
    ([name, condition]) =>
      `<table:content-validation table:name="${name}" table:condition="${condition.replace(/"/g, '&quot;')}" table:allow-empty-cell="true"/>`,
  );
  return `<table:content-validations>${items.join('')}</table:content-validations>`;
}

/** A text cell, or a blank cell carrying a validation; `repeat` is number-columns-repeated. */
export const cell = {
  text: (text: string) =>
    `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`,
  blank: (repeat = 1) => `<table:table-cell table:number-columns-repeated="${repeat}"/>`,
  validated: (name: string, repeat = 1) =>
    `<table:table-cell table:content-validation-name="${name}" table:number-columns-repeated="${repeat}"/>`,
};

export function row(cells: string[], repeat = 1): string {
  return `<table:table-row table:number-rows-repeated="${repeat}">${cells.join('')}</table:table-row>`;
}

export function table(name: string, rows: string[]): string {
  return `<table:table table:name="${name}">${rows.join('')}</table:table>`;
}

/** An .ods package: mimetype (stored, first), manifest, styles.xml, content.xml. */
export function odsPackage(content: string): Buffer {
  return craftZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' },
    {
      name: 'META-INF/manifest.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    {
      name: 'styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NAMESPACES} office:version="1.2"><office:styles/></office:document-styles>`,
    },
    { name: 'content.xml', data: content },
  ]);
}
