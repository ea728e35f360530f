import Foundation
import UNMNDomain

/// A spreadsheet people open in Excel or LibreOffice without an import dialog: an Office Open XML
/// workbook (`.xlsx`) of one sheet whose cells are typed — text stays text (so "10.7" is never a
/// number and "=1+1" is never a formula), dates are dates, money is a number shown as USD. No
/// formula is ever written. The zip is stored (not compressed): a few kilobytes more, no codec.
public struct Workbook: Sendable {
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Decimal)
        case money(Decimal)
        case date(LocalDate)
        case empty
    }

    public var sheetName: String
    public var header: [String]
    public var rows: [[Cell]]
    /// Column widths in characters (the header's length when absent).
    public var widths: [Int]

    public init(sheetName: String, header: [String], rows: [[Cell]], widths: [Int] = []) {
        self.sheetName = sheetName
        self.header = header
        self.rows = rows
        self.widths = widths
    }

    /// The `.xlsx` file's bytes.
    public var bytes: [UInt8] {
        var zip = StoredZip()
        zip.add("[Content_Types].xml", Self.contentTypes)
        zip.add("_rels/.rels", Self.packageRelationships)
        zip.add("xl/workbook.xml", workbookXML)
        zip.add("xl/_rels/workbook.xml.rels", Self.workbookRelationships)
        zip.add("xl/styles.xml", Self.styles)
        zip.add("xl/worksheets/sheet1.xml", sheetXML)
        return zip.bytes
    }

    // MARK: Parts

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes =
        OfficeXML.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/xl/workbook.xml" "#
        + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        + #"<Override PartName="/xl/worksheets/sheet1.xml" "#
        + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        + "</Types>"

    static let packageRelationships =
        OfficeXML.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    static let workbookRelationships =
        OfficeXML.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#

    /// Styles by index: 0 plain, 1 date, 2 USD, 3 bold header.
    static let styles =
        OfficeXML.declaration + #"<styleSheet xmlns="\#(main)">"#
        + #"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>"#
        + #"<numFmt numFmtId="165" formatCode="&quot;USD&quot; #,##0"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    var workbookXML: String {
        // A sheet name: at most 31 characters, none of []:*?/\ .
        let name = String(sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return OfficeXML.declaration + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)">"#
            + #"<sheets><sheet name="\#(OfficeXML.escape(name))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    }

    var sheetXML: String {
        var out =
            OfficeXML.declaration + #"<worksheet xmlns="\#(Self.main)"><sheetViews><sheetView workbookViewId="0">"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>"#
        for (index, title) in header.enumerated() {
            let width = widths.indices.contains(index) ? widths[index] : max(10, title.count + 2)
            out += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
        }
        out += "</cols><sheetData>"
        out += row(1, header.map { Cell.text($0) }, style: 3)
        for (index, cells) in rows.enumerated() { out += row(index + 2, cells, style: nil) }
        return out + "</sheetData></worksheet>"
    }

    func row(_ number: Int, _ cells: [Cell], style header: Int?) -> String {
        var out = #"<row r="\#(number)">"#
        for (column, cell) in cells.enumerated() {
            let reference = Self.column(column) + "\(number)"
            switch cell {
            case .empty: continue
            case .text(let text):
                let style = header.map { #" s="\#($0)""# } ?? ""
                out += #"<c r="\#(reference)" t="inlineStr"\#(style)><is><t xml:space="preserve">\#(OfficeXML.escape(text))</t></is></c>"#
            case .number(let value): out += #"<c r="\#(reference)"><v>\#(value)</v></c>"#
            case .money(let value): out += #"<c r="\#(reference)" s="2"><v>\#(value)</v></c>"#
            case .date(let day): out += #"<c r="\#(reference)" s="1"><v>\#(Self.serial(day))</v></c>"#
            }
        }
        return out + "</row>"
    }

    /// A spreadsheet's day number: days since 30 December 1899.
    static func serial(_ day: LocalDate) -> Int { day.daysSinceEpoch + 25_569 }

    /// `A`, `B`, … `Z`, `AA`…
    static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

}

/// What the Office Open XML parts (a workbook's, a Word document's) share: the XML declaration,
/// and text escaped for XML.
enum OfficeXML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Text for XML: escaped, and without the control characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A zip archive of stored (uncompressed) entries: what an `.xlsx` needs and no more.
struct StoredZip {
    private var data: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    mutating func add(_ name: String, _ text: String) {
        let content = Array(text.utf8)
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(content)
        let offset = data.count
        // Version 2.0, UTF-8 names, stored, 1980-01-01 00:00.
        data += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21) + le32(crc)
        data += le32(UInt32(content.count)) + le32(UInt32(content.count)) + le16(UInt16(nameBytes.count)) + le16(0)
        data += nameBytes + content
        central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21) + le32(crc)
        central += le32(UInt32(content.count)) + le32(UInt32(content.count)) + le16(UInt16(nameBytes.count))
        central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + nameBytes
        count += 1
    }

    var bytes: [UInt8] {
        data + central + le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
            + le32(UInt32(central.count)) + le32(UInt32(data.count)) + le16(0)
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}

/// The zip format's CRC-32 (IEEE 802.3, reflected 0xEDB88320).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
