@testable import App
import Foundation
import SkillnadCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A package an export wrote, read back from its folder: its METS files' references checked
/// against the files themselves (eark-validator checks none of this).
struct ArchivedPackage {
    let folder: URL

    var id: String { folder.lastPathComponent }

    func text(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func data(_ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// Every file, relative to the package's folder.
    func files() -> Set<String> {
        let root = folder.standardizedFileURL.path
        var out = Set<String>()
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                out.insert(path)
            }
        }
        return out
    }

    /// What is wrong: a reference to a missing file, a size or checksum that differs, a file no
    /// METS lists. Empty when the package is whole.
    func problems() throws -> [String] {
        var problems: [String] = []
        var listed: Set<String> = []
        try check("METS.xml", listed: &listed, problems: &problems)
        for file in files().subtracting(listed).sorted() { problems.append("\(file): listed in no METS") }
        return problems
    }

    private func check(_ mets: String, listed: inout Set<String>, problems: inout [String]) throws {
        listed.insert(mets)
        let base = (mets as NSString).deletingLastPathComponent
        let document = try XMLDocument(data: try data(mets))
        guard let root = document.rootElement() else {
            problems.append("\(mets): no root element")
            return
        }
        for element in Self.elements(root) {
            let name = element.localName ?? element.name ?? ""
            let reference: String?
            switch name {
            case "file":
                reference = element.elements(forName: "mets:FLocat").first.flatMap { Self.attribute($0, "href") }
            case "mdRef", "mptr": reference = Self.attribute(element, "href")
            default: continue
            }
            guard let reference else {
                problems.append("\(mets): a \(name) without a reference")
                continue
            }
            let path = base.isEmpty ? reference : base + "/" + reference
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) else {
                problems.append("\(mets): \(path) is missing")
                continue
            }
            if name == "mptr" {
                try check(path, listed: &listed, problems: &problems)
                continue
            }
            listed.insert(path)
            let bytes = try data(path)
            if Self.attribute(element, "SIZE") != String(bytes.count) { problems.append("\(path): size differs") }
            if Self.attribute(element, "CHECKSUM") != ArchiveFile.sha256(bytes)
                || Self.attribute(element, "CHECKSUMTYPE") != "SHA-256"
            {
                problems.append("\(path): checksum differs")
            }
        }
    }

    static func elements(_ element: XMLElement) -> [XMLElement] {
        [element] + (element.children ?? []).compactMap { $0 as? XMLElement }.flatMap(elements)
    }

    /// An attribute by its local name, whatever its prefix.
    static func attribute(_ element: XMLElement, _ local: String) -> String? {
        (element.attributes ?? []).first {
            ($0.localName ?? $0.name) == local || $0.name?.hasSuffix(":" + local) == true
        }?
        .stringValue
    }

    /// The packages in an export's folder.
    static func all(in folder: URL) throws -> [ArchivedPackage] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { ArchivedPackage(folder: folder.appendingPathComponent($0)) }
    }
}
