/// The picture formats photos may have (JPEG, PNG, WebP), told from the file's first bytes: a
/// file name or a declared type is whatever the sender wrote, and a browser must never be handed
/// something else under an image's type.
public enum PhotoFormat: String, Sendable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case webp = "image/webp"

    /// The format the bytes begin as, or nil for anything else.
    public static func sniff(_ bytes: some Collection<UInt8>) -> PhotoFormat? {
        let head = Array(bytes.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        // "RIFF", four bytes of length, "WEBP".
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            return .webp
        }
        return nil
    }
}
