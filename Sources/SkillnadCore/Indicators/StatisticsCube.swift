import Foundation

/// A table of statistics over dimensions (kub), as PC-Axis files and the PxWeb API's JSON-stat
/// publish them: one cell for every combination of one value of each dimension. Both readers
/// produce this, and one mapping (`CubeMapping`) turns it into observations with the options a
/// CSV file takes.
public struct StatisticsCube: Sendable {
    /// What a dimension is for, where the file says: PC-Axis `TIMEVAL` and `CONTVARIABLE`,
    /// JSON-stat `role`.
    public enum Role: String, Sendable, Equatable {
        case other, time, content, geo
    }

    /// Why a cell has no value, as the file marks it.
    public enum CellStatus: UInt8, Sendable, Equatable {
        case value = 0
        /// No value (`..`, `-`, an empty cell, JSON `null`): shown as missing, never as 0.
        case missing = 1
        /// Withheld by the publisher, e.g. for confidentiality (`x`, a status the file names so).
        case suppressed = 2
    }

    public struct Dimension: Sendable, Equatable {
        /// How the file names the dimension: the PC-Axis variable (`region`), the JSON-stat id (`Region`).
        public var id: String
        /// Its text: JSON-stat's `label`; for PC-Axis the same as `id`.
        public var label: String
        /// The values' codes in order (PC-Axis `CODES`, else its `VALUES`; JSON-stat category index).
        public var codes: [String]
        /// The values' texts in the same order (PC-Axis `VALUES`; JSON-stat labels, else the codes).
        public var labels: [String]
        public var role: Role
        /// The value that stands for all the others (PC-Axis `ELIMINATION="Totalt"`), if any.
        public var total: Int?

        public init(
            id: String, label: String? = nil, codes: [String], labels: [String]? = nil, role: Role = .other,
            total: Int? = nil
        ) {
            self.id = id
            self.label = label ?? id
            self.codes = codes
            self.labels = labels ?? codes
            self.role = role
            self.total = total
        }

        public var count: Int { codes.count }
    }

    /// In storage order: the last dimension varies fastest.
    public var dimensions: [Dimension]
    /// One a cell in storage order; NaN where the cell has no value.
    public var values: [Double]
    /// One a cell, when some cell is suppressed; nil when every cell without a value is plain missing.
    public var status: [CellStatus]?
    /// The table's title and source, when the file gives them (PC-Axis `TITLE`, `SOURCE`; JSON-stat
    /// `label`, `source`).
    public var title: String?
    public var source: String?

    public init(
        dimensions: [Dimension], values: [Double], status: [CellStatus]? = nil, title: String? = nil,
        source: String? = nil
    ) {
        self.dimensions = dimensions
        self.values = values
        self.status = status
        self.title = title
        self.source = source
    }

    /// The number of cells the dimensions make (the product of their sizes).
    public var cellCount: Int { dimensions.reduce(1) { $0 * $1.count } }

    /// The status of a cell.
    public func status(at cell: Int) -> CellStatus {
        if let status { return status[cell] }
        return values[cell].isNaN ? .missing : .value
    }
}
