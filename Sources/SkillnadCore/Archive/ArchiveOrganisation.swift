/// The organisation that delivers packages to its archive: the municipality, by its name and its
/// Swedish organisation number (organisationsnummer). It submits every package, and its number
/// identifies the archival creator (arkivbildare), the committee or council whose record it is.
public struct ArchiveOrganisation: Sendable, Equatable {
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
