import Foundation

/// What a package holds, described for finding it again (arkivbeskrivning), written as EAD3: the
/// record's title, its reference (the diary number), the body it comes from, its dates and what
/// it is about, in Swedish.
public struct ArchivalDescription: Sendable, Equatable {
    public var title: String
    /// The diary number (diarienummer), when the body gave one.
    public var reference: String?
    /// The body whose record it is (the committee or district council that answered).
    public var origination: String
    /// The record's dates (decided, submitted), earliest first.
    public var dates: [Day]
    /// Paragraphs on what the record is about.
    public var paragraphs: [String]
    /// Items listed after the paragraphs (the measures an answer takes a position on).
    public var items: [String]
    /// `new`, or `revised` for a correction of a record archived before.
    public var revised: Bool

    public init(
        title: String, reference: String?, origination: String, dates: [Day], paragraphs: [String],
        items: [String], revised: Bool
    ) {
        self.title = title
        self.reference = reference
        self.origination = origination
        self.dates = dates
        self.paragraphs = paragraphs
        self.items = items
        self.revised = revised
    }

    /// The EAD3 document, at `metadata/descriptive/ead.xml` of package `packageID`.
    func ead(packageID: String, organisation: ArchiveOrganisation, software: ArchiveSoftware, created: Date)
        -> String
    {
        let e = AtomFeedWriter.escape
        let stamp = AtomFeedWriter.timestamp(created)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ead xmlns="http://ead3.archivists.org/schema/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://ead3.archivists.org/schema/ ../../schemas/ead3.xsd">
              <control>
                <recordid>\(e(packageID))</recordid>
                <filedesc>
                  <titlestmt>
                    <titleproper>\(e(title))</titleproper>
                  </titlestmt>
                </filedesc>
                <maintenancestatus value="\(revised ? "revised" : "new")"/>
                <maintenanceagency>
                  <agencycode>\(e(organisation.organisationNumber))</agencycode>
                  <agencyname>\(e(organisation.name))</agencyname>
                </maintenanceagency>
                <languagedeclaration>
                  <language langcode="swe">svenska</language>
                  <script scriptcode="Latn">latinsk skrift</script>
                </languagedeclaration>
                <maintenancehistory>
                  <maintenanceevent>
                    <eventtype value="created"/>
                    <eventdatetime standarddatetime="\(stamp)">\(stamp)</eventdatetime>
                    <agenttype value="machine"/>
                    <agent>\(e(software.name)) \(e(software.version))</agent>
                  </maintenanceevent>
                </maintenancehistory>
              </control>
              <archdesc level="file">
                <did>
                  <unittitle>\(e(title))</unittitle>

            """
        if let reference, !reference.isEmpty {
            out += "      <unitid label=\"Diarienummer\">\(e(reference))</unitid>\n"
        }
        out +=
            "      <origination label=\"Arkivbildare\"><corpname><part>\(e(origination))</part></corpname>"
            + "</origination>\n"
        if let first = dates.min(), let last = dates.max() {
            out += "      <unitdatestructured>"
            if first == last {
                out += "<datesingle standarddate=\"\(first)\">\(first)</datesingle>"
            } else {
                out += "<daterange><fromdate standarddate=\"\(first)\">\(first)</fromdate>"
                out += "<todate standarddate=\"\(last)\">\(last)</todate></daterange>"
            }
            out += "</unitdatestructured>\n"
        }
        out += "      <langmaterial><language langcode=\"swe\">svenska</language></langmaterial>\n"
        out += "    </did>\n"
        if !paragraphs.isEmpty || !items.isEmpty {
            out += "    <scopecontent>\n      <head>Innehåll</head>\n"
            for paragraph in paragraphs { out += "      <p>\(e(paragraph))</p>\n" }
            if !items.isEmpty {
                out += "      <list listtype=\"unordered\">\n"
                for item in items { out += "        <item>\(e(item))</item>\n" }
                out += "      </list>\n"
            }
            out += "    </scopecontent>\n"
        }
        out += "  </archdesc>\n</ead>\n"
        return out
    }
}
