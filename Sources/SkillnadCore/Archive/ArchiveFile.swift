import Crypto
import Foundation

/// A file of an archive package: where it lies, relative to the folder whose METS lists it, its
/// bytes and its format.
public struct ArchiveFile: Sendable, Equatable {
    public let path: String
    public let data: Data
    public let format: FileFormat

    public init(path: String, data: Data, format: FileFormat) {
        self.path = path
        self.data = data
        self.format = format
    }

    public var size: Int { data.count }

    /// SHA-256 in upper-case hexadecimal, as METS writes it (PREMIS takes it in lower case).
    public var checksum: String { Self.sha256(data) }

    public static func sha256(_ data: Data) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same file at another place, as a folder further up lists it.
    public func moved(under folder: String) -> ArchiveFile {
        ArchiveFile(path: folder + "/" + path, data: data, format: format)
    }

    /// A file name safe in any file system and in a URL of a METS reference: letters, digits,
    /// `.`, `-` and `_`, the rest as `_`; never empty, never hidden.
    public static func safeName(_ name: String) -> String {
        var out = ""
        // å, ä and ö become a, a and o rather than a run of `_`.
        let folded = name.folding(options: [.diacriticInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            let kept =
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            out.unicodeScalars.append(kept ? scalar : "_")
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "file" : String(out.prefix(120))
    }
}
