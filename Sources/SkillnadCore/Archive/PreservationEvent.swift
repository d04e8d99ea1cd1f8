/// Something that happened to the record an archive package holds, as PREMIS records it
/// (händelse): decided, submitted, corrected, and the package's own making.
public struct PreservationEvent: Sendable, Equatable {
    /// PREMIS' event type, from the Library of Congress' vocabulary where it has one (`creation`,
    /// `packing`, `message digest calculation`), else a word of our own (`decision`, `submission`,
    /// `correction`).
    public let type: String
    /// An xsd:date or xsd:dateTime.
    public let date: String
    public let detail: String
    /// The agents that took part, by their PREMIS identifier, with their role.
    public let agents: [(id: String, role: String)]

    public init(type: String, date: String, detail: String, agents: [(id: String, role: String)]) {
        self.type = type
        self.date = date
        self.detail = detail
        self.agents = agents
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.type == rhs.type && lhs.date == rhs.date && lhs.detail == rhs.detail
            && lhs.agents.map(\.id) == rhs.agents.map(\.id) && lhs.agents.map(\.role) == rhs.agents.map(\.role)
    }
}

/// Someone or something that acts in preservation events (agent): the software, the
/// municipality, the body that answered.
public struct PreservationAgent: Sendable, Equatable {
    public let id: String
    public let name: String
    /// `software`, `organization`.
    public let type: String
    public let version: String?

    public init(id: String, name: String, type: String, version: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.version = version
    }
}
