import Foundation

/// The character set of a PC-Axis file's texts (teckenuppsättning), from its `CODEPAGE`. Statistics
/// Sweden's older files are ISO-8859-1 or Windows-1252 without a byte order mark, PxWeb's newer
/// ones UTF-8. The syntax of the format (`"`, `;`, `=`, digits) is ASCII in all of them, so the
/// file is read as bytes and only the texts are decoded, once the code page is known.
enum PCAxisCodepage: Equatable {
    case utf8
    case latin1
    case windows1252
    /// ISO-8859-15: Latin-1 with the euro sign and a few letters (Š, Ž, Œ) in place of symbols.
    case latin9

    /// The code page a `CODEPAGE` value names, in the spellings files use; nil when unknown.
    init?(name: String) {
        let spelled = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
        switch spelled {
        case "utf-8", "utf8": self = .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1": self = .latin1
        case "windows-1252", "windows1252", "cp1252", "ansi": self = .windows1252
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9", "l9": self = .latin9
        default: return nil
        }
    }

    /// The code page of a file that does not name one: UTF-8 when its header is valid UTF-8,
    /// else Windows-1252 (what PC-Axis on Windows writes, and a superset of ISO-8859-1's letters).
    static func guess(header: UnsafeBufferPointer<UInt8>) -> PCAxisCodepage {
        if !header.contains(where: { $0 >= 0x80 }) { return .utf8 }
        return String(bytes: header, encoding: .utf8) == nil ? .windows1252 : .utf8
    }

    /// The text of some bytes. Bytes that are not UTF-8 in a file that says UTF-8 are read as
    /// Windows-1252 rather than turned into replacement characters: a wrong `CODEPAGE` is a
    /// common slip, and the letters are then still right.
    func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch self {
        case .utf8:
            return String(bytes: bytes, encoding: .utf8) ?? PCAxisCodepage.windows1252.decode(bytes)
        case .latin1, .windows1252, .latin9:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                scalars.append(scalar(byte))
            }
            return String(scalars)
        }
    }

    /// The character a byte stands for in a single-byte code page.
    func scalar(_ byte: UInt8) -> Unicode.Scalar {
        var code = UInt32(byte)
        switch self {
        case .utf8, .latin1:
            break
        case .windows1252:
            if (0x80...0x9F).contains(byte) { code = UInt32(Self.windows1252High[Int(byte) - 0x80]) }
        case .latin9:
            code = UInt32(Self.latin9Differences[byte] ?? UInt16(byte))
        }
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    /// Windows-1252's characters for 0x80–0x9F (ISO-8859-1's control characters there); the five
    /// it leaves undefined keep their control character.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Where ISO-8859-15 differs from ISO-8859-1.
    static let latin9Differences: [UInt8: UInt16] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153,
        0xBE: 0x0178,
    ]
}
