import Crypto
import Foundation

/// A file of an archive package: where it lies, relative to the folder whose METS lists it, its
/// bytes, its format and, for a document someone uploaded, the name it had.
public struct ArchiveFile: Sendable, Equatable {
    public let path: String
    public let data: Data
    public let format: FileFormat
    /// The name the file was uploaded with, when its path had to change it.
    public let originalName: String?
    /// SHA-256 in upper-case hexadecimal, as METS writes it (PREMIS takes it in lower case);
    /// computed once, since METS, PREMIS and the tests all read it.
    public let checksum: String

    public init(path: String, data: Data, format: FileFormat, originalName: String? = nil) {
        self.path = path
        self.data = data
        self.format = format
        self.originalName = originalName
        self.checksum = Self.sha256(data)
    }

    private init(path: String, copying file: ArchiveFile) {
        self.path = path
        self.data = file.data
        self.format = file.format
        self.originalName = file.originalName
        self.checksum = file.checksum
    }

    public var size: Int { data.count }

    /// The name PREMIS keeps as the original: the uploaded one, else the file's own.
    public var name: String { originalName ?? path.split(separator: "/").last.map(String.init) ?? path }

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
        ArchiveFile(path: folder + "/" + path, copying: self)
    }

    /// A file name safe in any file system and in a URL of a METS reference: letters, digits,
    /// `.`, `-` and `_`, the rest as `_`; never empty, never hidden, at most 100 characters with
    /// its extension kept.
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
        if out.isEmpty { return "file" }
        guard out.count > 100 else { return out }
        let dot = out.lastIndex(of: ".")
        let suffix = dot.map { String(out[$0...].prefix(12)) } ?? ""
        let stem = dot.map { String(out[..<$0]) } ?? out
        return String(stem.prefix(100 - suffix.count)) + suffix
    }

    /// Safe names for files uploaded under `names`, in order, none equal to another even where
    /// case is not told apart: a repeated name is numbered (`2-a.pdf`) until it is free.
    public static func distinctNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { original in
            let safe = safeName(original)
            var name = safe
            var number = 2
            while used.contains(name.lowercased()) {
                name = "\(number)-\(safe)"
                number += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }
}
