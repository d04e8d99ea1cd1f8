import Foundation

/// A submission information package (leveranspaket, SIP) as FGS Paketstruktur 2.0 specifies it,
/// which is E-ARK CSIP 2.1.0 with SIP 2.1.0: one root folder named by the package's id holding
/// `METS.xml`, descriptive metadata (EAD3), preservation metadata (PREMIS 3.0), documentation,
/// the schemas of every XML file in it, and one representation with its own METS and its data.
public struct SubmissionPackage: Sendable {
    public let id: String
    /// Every file, its path relative to the package's root folder.
    public let files: [ArchiveFile]

    /// The representation's folder under `representations/`.
    public static let representation = "rep1"

    /// What the record is, for a package's making.
    public struct Content: Sendable {
        public var label: String
        public var description: ArchivalDescription
        /// The representation's data files, their paths relative to its `data/` folder.
        public var data: [ArchiveFile]
        public var events: [PreservationEvent]
        public var agents: [PreservationAgent]
        /// The package this one replaces (a corrected record archived before), if any.
        public var replaces: String?

        public init(
            label: String, description: ArchivalDescription, data: [ArchiveFile], events: [PreservationEvent],
            agents: [PreservationAgent], replaces: String?
        ) {
            self.label = label
            self.description = description
            self.data = data
            self.events = events
            self.agents = agents
            self.replaces = replaces
        }
    }

    /// Who makes packages and what goes in each besides the record.
    public struct Maker: Sendable {
        public let organisation: ArchiveOrganisation
        public let software: ArchiveSoftware
        /// The content information type the packages declare as `OTHER` (`Skillnad remissvar 1.0`).
        public let contentType: String
        /// The XML schemas, by file name: `mets.xsd`, `xlink.xsd`, the two DILCIS extensions,
        /// `premis.xsd`, `ead3.xsd`.
        public let schemas: [(name: String, data: Data)]
        /// The text of `documentation/`, by file name.
        public let documentation: [(name: String, text: String)]

        public init(
            organisation: ArchiveOrganisation, software: ArchiveSoftware, contentType: String,
            schemas: [(name: String, data: Data)], documentation: [(name: String, text: String)]
        ) {
            self.organisation = organisation
            self.software = software
            self.contentType = contentType
            self.schemas = schemas
            self.documentation = documentation
        }

        public func make(id: String, content: Content, created: Date) -> SubmissionPackage {
            let stamp = AtomFeedWriter.timestamp(created)
            let mets = PackageMETS(created: stamp, contentType: contentType, software: software)
            let status = content.replaces == nil ? "NEW" : "REPLACEMENT"
            let folder = "representations/\(SubmissionPackage.representation)"
            let data = content.data.map { $0.moved(under: "data") }
            let inPackage = data.map { $0.moved(under: folder) }

            let representationPREMIS = xml(
                "metadata/preservation/premis.xml",
                PackagePREMIS.document(
                    representation: folder, files: data, events: [], agents: [], software: software,
                    schemas: "../../../../schemas/"))
            let representationMETS = xml(
                "METS.xml",
                mets.representation(
                    name: SubmissionPackage.representation, packageID: id, recordStatus: status,
                    premis: representationPREMIS, data: data))

            let premis = xml(
                "metadata/preservation/premis.xml",
                PackagePREMIS.document(
                    representation: folder, files: inPackage, events: content.events, agents: content.agents,
                    software: software, schemas: "../../schemas/"))
            let ead = xml(
                "metadata/descriptive/ead.xml",
                content.description.ead(
                    packageID: id, organisation: organisation, software: software, created: created))
            let documentation = self.documentation.map {
                ArchiveFile(path: "documentation/\($0.name)", data: Data($0.text.utf8), format: .plainText)
            }
            let schemas = self.schemas.map {
                ArchiveFile(path: "schemas/\($0.name)", data: $0.data, format: .xmlSchema)
            }
            let representationFiles = [representationMETS, representationPREMIS] + data
            let root = xml(
                "METS.xml",
                mets.root(
                    packageID: id, label: content.label, recordStatus: status, organisation: organisation,
                    archivalCreator: content.description.origination, ead: ead,
                    premis: premis, documentation: documentation, schemas: schemas,
                    representation: SubmissionPackage.representation,
                    representationMETS: representationMETS.moved(under: folder)))
            let files =
                [root, ead, premis] + documentation + schemas + representationFiles.map { $0.moved(under: folder) }
            return SubmissionPackage(id: id, files: files)
        }

        func xml(_ path: String, _ text: String) -> ArchiveFile {
            ArchiveFile(path: path, data: Data(text.utf8), format: .xml)
        }
    }

    /// Writes the package as the folder `<id>` inside `folder`, which must exist: every file
    /// flushed to the disk, never over one that exists.
    public func write(into folder: URL) throws {
        let root = folder.appendingPathComponent(id, isDirectory: true)
        let manager = FileManager.default
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard !manager.fileExists(atPath: url.path), manager.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.write(contentsOf: file.data)
            try handle.synchronize()
        }
    }

    /// Flushes `folder` (and with `recursive` every folder in it) to the disk, so that the names of
    /// the files written there survive a power cut as their contents do.
    public static func sync(_ folder: URL, recursive: Bool = true) throws {
        var folders = [folder.path]
        if recursive, let walker = FileManager.default.enumerator(atPath: folder.path) {
            while let path = walker.nextObject() as? String {
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    folders.append(folder.path + "/" + path)
                }
            }
        }
        for path in folders {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path]) }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }
}
