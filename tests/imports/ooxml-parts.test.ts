import { describe, expect, it } from 'vitest';
import {
  externalLinks,
  readCellStyles,
  readValidations,
  sheetPaths,
} from '../../server/imports/workbook/ooxml-parts.ts';

describe('raw .xlsx parts', () => {
  it('reads <dataValidations> and the x14 form Excel writes for lists on other sheets, keeping sqref ranges', () => {
    const xml =
      '<worksheet><sheetData/><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B3 D5:D1048576"><formula1>"现金,银行转账"</formula1></dataValidation></dataValidations>' +
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$A$2:$A$5</xm:f></x14:formula1><xm:sqref>G2:G1048576</xm:sqref></x14:dataValidation>' +
      '</x14:dataValidations></ext></extLst></worksheet>';
    expect(readValidations(xml)).toEqual([
      { type: 'list', sqref: 'B3 D5:D1048576', formula1: '"现金,银行转账"' },
      { type: 'list', sqref: 'G2:G1048576', formula1: 'Lists!$A$2:$A$5' },
    ]);
  });

  it('finds fills, borders, bold and number formats of cells inside the window only', () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts><font/><font><b/></font></fonts>' +
      '<fills><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill></fills>' +
      '<borders><border/><border><left style="thin"/></border></borders>' +
      '<cellXfs><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="1"/></cellXfs></styleSheet>';
    const sheet =
      '<sheetData><row r="2"><c r="B2" s="1"/><c r="XFD2" s="1"/></row><row r="900"><c r="A900" s="1"/></row></sheetData>';
    const found = readCellStyles(sheet, styles, { maxRow: 10, maxCol: 10 });
    expect([...found]).toEqual([
      [16_385, { fill: 'FF0000', hasBorder: true, isBold: true, z: 'yyyy\\-mm\\-dd' }],
    ]);
  });

  it('maps sheet names to their parts and external links to file names', () => {
    const parts = new Map<string, Buffer>([
      [
        'xl/workbook.xml',
        Buffer.from(
          '<workbook xmlns:r="r"><sheets><sheet name="订单" sheetId="1" r:id="rId2"/></sheets><externalReferences><externalReference r:id="rId4"/></externalReferences></workbook>',
        ),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        Buffer.from(
          '<Relationships><Relationship Id="rId2" Target="worksheets/sheet7.xml"/><Relationship Id="rId4" Target="externalLinks/externalLink1.xml"/></Relationships>',
        ),
      ],
      [
        'xl/externalLinks/_rels/externalLink1.xml.rels',
        Buffer.from(
          '<Relationships><Relationship Id="rId1" Target="../../finance/rates.xlsx" TargetMode="External"/></Relationships>',
        ),
      ],
    ]);
    expect(sheetPaths(parts)).toEqual(new Map([['订单', 'xl/worksheets/sheet7.xml']]));
    expect(externalLinks(parts)).toEqual(['rates.xlsx']);
  });
});
