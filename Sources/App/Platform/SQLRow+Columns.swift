import SQLKit

extension SQLRow {
    /// A column's value, read on its own: for rows read by the thousand, where a `Decodable`
    /// row type would run a whole `Decoder` per row.
    func value<T: Decodable>(_ column: String, as: T.Type = T.self) throws -> T {
        try decode(column: column, as: T.self)
    }

    /// A column's value, or nil where it is NULL.
    func optional<T: Decodable>(_ column: String, as: T.Type = T.self) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
