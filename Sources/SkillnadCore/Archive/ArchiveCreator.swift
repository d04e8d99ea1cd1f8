/// The organisation whose records a package holds (arkivbildare at the municipality's level): its
/// name and its Swedish organisation number (organisationsnummer).
public struct ArchiveCreator: Sendable, Equatable {
    public let name: String
    public let organisationNumber: String

    public init(name: String, organisationNumber: String) {
        self.name = name
        self.organisationNumber = organisationNumber
    }
}

/// The software that made a package, named in every METS header with its version.
public struct ArchiveSoftware: Sendable, Equatable {
    public let name: String
    public let version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}
