import Foundation

/// Writes the METS files of a package as E-ARK CSIP 2.1.0 and SIP 2.1.0 require them (FGS
/// Paketstruktur 2.0 is those two): the package's root METS and each representation's.
struct PackageMETS {
    let created: String
    let contentType: String
    let software: ArchiveSoftware

    static let namespaces = """
        xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS" \
        xmlns:sip="https://DILCIS.eu/XML/METS/SIPExtensionMETS"
        """

    /// An XML ID: an NCName unique in the package, so never starting with a digit.
    static func newID(_ kind: String) -> String { "\(kind)-\(UUID().uuidString.lowercased())" }

    /// The content information type on the root and on every file group: eark-validator 1.1.3's
    /// rule CSIP63 accepts a file group only with `OTHER` and a named other type.
    var contentInformation: String {
        let other = AtomFeedWriter.escape(contentType)
        return "csip:CONTENTINFORMATIONTYPE=\"OTHER\" csip:OTHERCONTENTINFORMATIONTYPE=\"\(other)\""
    }

    func head(objectID: String, label: String, schemas: String, recordStatus: String, agents: String) -> String {
        let e = AtomFeedWriter.escape
        let locations = [
            "http://www.loc.gov/METS/ \(schemas)mets.xsd",
            "http://www.w3.org/1999/xlink \(schemas)xlink.xsd",
            "https://DILCIS.eu/XML/METS/CSIPExtensionMETS \(schemas)DILCISExtensionMETS.xsd",
            "https://DILCIS.eu/XML/METS/SIPExtensionMETS \(schemas)DILCISExtensionSIPMETS.xsd",
        ].joined(separator: " ")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <mets:mets \(Self.namespaces)
                OBJID="\(e(objectID))" LABEL="\(e(label))" TYPE="Mixed" \(contentInformation)
                PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
                xsi:schemaLocation="\(locations)">
              <mets:metsHdr CREATEDATE="\(created)" LASTMODDATE="\(created)" RECORDSTATUS="\(recordStatus)" \
            csip:OAISPACKAGETYPE="SIP">
                <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
                  <mets:name>\(e(software.name))</mets:name>
                  <mets:note csip:NOTETYPE="SOFTWARE VERSION">\(e(software.version))</mets:note>
                </mets:agent>
            \(agents)  </mets:metsHdr>

            """
    }

    /// The root METS' organisations: the municipality as the submitting agent (E-ARK SIP's
    /// SIP15-20, a `CREATOR` organisation) and the body as the archival creator (SIP9-14,
    /// `ARCHIVIST`), both identified by the municipality's organisation number.
    static func organisations(_ organisation: ArchiveOrganisation, archivalCreator: String) -> String {
        let e = AtomFeedWriter.escape
        let number = e(organisation.organisationNumber)
        return """
                <mets:agent ROLE="CREATOR" TYPE="ORGANIZATION">
                  <mets:name>\(e(organisation.name))</mets:name>
                  <mets:note csip:NOTETYPE="IDENTIFICATIONCODE">\(number)</mets:note>
                </mets:agent>
                <mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">
                  <mets:name>\(e(archivalCreator))</mets:name>
                  <mets:note csip:NOTETYPE="IDENTIFICATIONCODE">\(number)</mets:note>
                </mets:agent>

            """
    }

    func reference(_ file: ArchiveFile, type: String, version: String) -> String {
        """
        <mets:mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="\(AtomFeedWriter.escape(file.path))" \
        MDTYPE="\(type)" MDTYPEVERSION="\(version)" MIMETYPE="\(AtomFeedWriter.escape(file.format.mediaType))" \
        SIZE="\(file.size)" \
        CREATED="\(created)" CHECKSUM="\(file.checksum)" CHECKSUMTYPE="SHA-256"/>
        """
    }

    func fileElement(_ file: ArchiveFile, formats: Bool) -> String {
        let e = AtomFeedWriter.escape
        var attributes = "ID=\"\(Self.newID("file"))\" MIMETYPE=\"\(e(file.format.mediaType))\" SIZE=\"\(file.size)\""
        attributes += " CREATED=\"\(created)\" CHECKSUM=\"\(file.checksum)\" CHECKSUMTYPE=\"SHA-256\""
        if formats {
            attributes += " sip:FILEFORMATNAME=\"\(e(file.format.name))\""
            if let version = file.format.version { attributes += " sip:FILEFORMATVERSION=\"\(e(version))\"" }
            if let key = file.format.pronom {
                attributes += " sip:FORMATREGISTRY=\"PRONOM\" sip:FORMATREGISTRYKEY=\"\(e(key))\""
            }
        }
        return """
                  <mets:file \(attributes)>
                    <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="\(e(file.path))"/>
                  </mets:file>

            """
    }

    func fileGroup(id: String, use: String, files: [ArchiveFile], formats: Bool = false) -> String {
        var out = "    <mets:fileGrp ID=\"\(id)\" USE=\"\(AtomFeedWriter.escape(use))\" \(contentInformation)>\n"
        for file in files { out += fileElement(file, formats: formats) }
        return out + "    </mets:fileGrp>\n"
    }

    /// The package's METS.xml: descriptive and preservation metadata, documentation, schemas and
    /// one representation, which its own METS describes.
    func root(
        packageID: String, label: String, recordStatus: String, organisation: ArchiveOrganisation,
        archivalCreator: String, ead: ArchiveFile,
        premis: ArchiveFile, documentation: [ArchiveFile], schemas: [ArchiveFile], representation: String,
        representationMETS: ArchiveFile
    ) -> String {
        let dmd = Self.newID("dmd")
        let digiprov = Self.newID("digiprov")
        let documentationGroup = Self.newID("grpdoc")
        let schemaGroup = Self.newID("grpschemas")
        let representationGroup = Self.newID("grprep")
        var out = head(
            objectID: packageID, label: label, schemas: "schemas/", recordStatus: recordStatus,
            agents: Self.organisations(organisation, archivalCreator: archivalCreator))
        out += "  <mets:dmdSec ID=\"\(dmd)\" CREATED=\"\(created)\" STATUS=\"CURRENT\">\n"
        out += "    " + reference(ead, type: "EAD", version: "3") + "\n  </mets:dmdSec>\n"
        out += "  <mets:amdSec>\n    <mets:digiprovMD ID=\"\(digiprov)\" CREATED=\"\(created)\" STATUS=\"CURRENT\">\n"
        out += "      " + reference(premis, type: "PREMIS", version: "3.0") + "\n"
        out += "    </mets:digiprovMD>\n  </mets:amdSec>\n"
        out += "  <mets:fileSec ID=\"\(Self.newID("filesec"))\">\n"
        out += fileGroup(id: documentationGroup, use: "Documentation", files: documentation)
        out += fileGroup(id: schemaGroup, use: "Schemas", files: schemas)
        out += fileGroup(id: representationGroup, use: "Representations/\(representation)", files: [representationMETS])
        out += "  </mets:fileSec>\n"
        let e = AtomFeedWriter.escape
        // Every div has a LABEL (the validator fails without one) and the representation's div
        // sits inside a `Representations` div, as the validator's rules CSIP103 and CSIP104 want.
        out += """
              <mets:structMap ID="\(Self.newID("structmap"))" TYPE="PHYSICAL" LABEL="CSIP">
                <mets:div ID="\(Self.newID("div"))" LABEL="\(e(packageID))">
                  <mets:div ID="\(Self.newID("div"))" LABEL="Metadata" ADMID="\(digiprov)" DMDID="\(dmd)"/>
                  <mets:div ID="\(Self.newID("div"))" LABEL="Documentation">
                    <mets:fptr FILEID="\(documentationGroup)"/>
                  </mets:div>
                  <mets:div ID="\(Self.newID("div"))" LABEL="Schemas">
                    <mets:fptr FILEID="\(schemaGroup)"/>
                  </mets:div>
                  <mets:div ID="\(Self.newID("div"))" LABEL="Representations">
                    <mets:fptr FILEID="\(representationGroup)"/>
                    <mets:div ID="\(Self.newID("div"))" LABEL="Representations/\(e(representation))">
                      <mets:mptr LOCTYPE="URL" xlink:type="simple" xlink:href="\(e(representationMETS.path))" \
            xlink:title="\(representationGroup)"/>
                    </mets:div>
                  </mets:div>
                </mets:div>
              </mets:structMap>
            </mets:mets>

            """
        return out
    }

    /// A representation's METS.xml: its preservation metadata and its data files, with paths
    /// relative to the representation's folder.
    func representation(
        name: String, packageID: String, recordStatus: String, premis: ArchiveFile, data: [ArchiveFile]
    ) -> String {
        let digiprov = Self.newID("digiprov")
        let dataGroup = Self.newID("grpdata")
        var out = head(
            objectID: name, label: "\(name) av \(packageID)", schemas: "../../schemas/", recordStatus: recordStatus,
            agents: "")
        out += "  <mets:amdSec>\n    <mets:digiprovMD ID=\"\(digiprov)\" CREATED=\"\(created)\" STATUS=\"CURRENT\">\n"
        out += "      " + reference(premis, type: "PREMIS", version: "3.0") + "\n"
        out += "    </mets:digiprovMD>\n  </mets:amdSec>\n"
        out += "  <mets:fileSec ID=\"\(Self.newID("filesec"))\">\n"
        out += fileGroup(id: dataGroup, use: "Data", files: data, formats: true)
        out += "  </mets:fileSec>\n"
        out += """
              <mets:structMap ID="\(Self.newID("structmap"))" TYPE="PHYSICAL" LABEL="CSIP">
                <mets:div ID="\(Self.newID("div"))" LABEL="\(AtomFeedWriter.escape(name))">
                  <mets:div ID="\(Self.newID("div"))" LABEL="Metadata" ADMID="\(digiprov)"/>
                  <mets:div ID="\(Self.newID("div"))" LABEL="Data">
                    <mets:fptr FILEID="\(dataGroup)"/>
                  </mets:div>
                </mets:div>
              </mets:structMap>
            </mets:mets>

            """
        return out
    }
}
