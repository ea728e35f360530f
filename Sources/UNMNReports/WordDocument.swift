import UNMNDomain

/// A Word document (`.docx`, Office Open XML) of a title, paragraphs and one table, on landscape
/// A4 pages with the table's columns sized: what a wide table needs to read on paper, which
/// Markdown cannot say. Opened by Word and LibreOffice; the table's header repeats on each page.
public struct WordDocument: Sendable {
    public var title: String
    /// Paragraphs before the table.
    public var introduction: [String]
    public var header: [String]
    public var rows: [[String]]
    /// Column widths, in twentieths of a point; right-aligned columns are listed by index.
    public var widths: [Int]
    public var rightAligned: Set<Int>
    /// Paragraphs after the table.
    public var notes: [String]

    public init(
        title: String, introduction: [String] = [], header: [String], rows: [[String]], widths: [Int], rightAligned: Set<Int> = [],
        notes: [String] = []
    ) {
        self.title = title
        self.introduction = introduction
        self.header = header
        self.rows = rows
        self.widths = widths
        self.rightAligned = rightAligned
        self.notes = notes
    }

    public var bytes: [UInt8] {
        var zip = StoredZip()
        zip.add("[Content_Types].xml", Self.contentTypes)
        zip.add("_rels/.rels", Self.relationships)
        zip.add("word/document.xml", documentXML)
        return zip.bytes
    }

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes =
        OfficeXML.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" "#
        + #"ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#

    static let relationships =
        OfficeXML.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#
        + #"Target="word/document.xml"/></Relationships>"#

    /// A paragraph of one run: `size` in half-points.
    static func paragraph(_ text: String, size: Int, bold: Bool = false, right: Bool = false, after: Int = 80) -> String {
        let alignment = right ? #"<w:jc w:val="right"/>"# : ""
        return #"<w:p><w:pPr><w:spacing w:before="0" w:after="\#(after)"/>\#(alignment)</w:pPr><w:r><w:rPr>"#
            + (bold ? "<w:b/>" : "") + #"<w:sz w:val="\#(size)"/></w:rPr><w:t xml:space="preserve">"#
            + OfficeXML.escape(text) + "</w:t></w:r></w:p>"
    }

    func cell(_ text: String, column: Int, isHeader: Bool) -> String {
        let shading = isHeader ? #"<w:shd w:val="clear" w:color="auto" w:fill="DDE4EE"/>"# : ""
        return #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[column])" w:type="dxa"/>\#(shading)</w:tcPr>"#
            + Self.paragraph(text, size: 16, bold: isHeader, right: rightAligned.contains(column) && !isHeader, after: 0) + "</w:tc>"
    }

    var documentXML: String {
        var body = Self.paragraph(title, size: 28, bold: true, after: 120)
        body += introduction.map { Self.paragraph($0, size: 18) }.joined()
        let border = #"w:val="single" w:sz="4" w:space="0" w:color="999999""#
        body +=
            #"<w:tbl><w:tblPr><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>"#
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + #"</w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>"#
            + "<w:tblGrid>" + widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        body +=
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + header.enumerated().map { cell($1, column: $0, isHeader: true) }.joined() + "</w:tr>"
        for row in rows {
            body +=
                #"<w:tr><w:trPr><w:cantSplit/></w:trPr>"# + row.enumerated().map { cell($1, column: $0, isHeader: false) }.joined()
                + "</w:tr>"
        }
        body += "</w:tbl>" + Self.paragraph("", size: 8, after: 0)
        body += notes.map { Self.paragraph($0, size: 18) }.joined()
        // Landscape A4 with narrow (1.27 cm) margins: 15,398 twips of line for the table.
        body +=
            #"<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#
            + #"<w:pgMar w:top="720" w:right="720" w:bottom="720" w:left="720" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>"#
        return OfficeXML.declaration + #"<w:document xmlns:w="\#(Self.namespace)"><w:body>"# + body + "</w:body></w:document>"
    }
}
