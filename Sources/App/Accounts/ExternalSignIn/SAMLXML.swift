import CSAMLVerify
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reading SAML's XML safely: libxml2 checks the bytes strictly first (Foundation's reader
/// crashes on some malformed input rather than throwing), no document type (so no entities),
/// nothing fetched, text read whole.
enum SAMLXML {
    static let protocolNamespace = "urn:oasis:names:tc:SAML:2.0:protocol"
    static let assertionNamespace = "urn:oasis:names:tc:SAML:2.0:assertion"

    /// The document's root element, once the bytes are known to be one well-formed document.
    static func root(_ data: Data, what: String) throws -> XMLElement {
        guard data.count <= 4 << 20 else { throw SignInRefusal(.invalidToken, "\(what) is larger than 4 MB") }
        if let problem = check(data) { throw SignInRefusal(.invalidToken, "\(what): \(problem)") }
        guard let document = try? XMLDocument(data: data, options: [.nodeLoadExternalEntitiesNever]),
            let root = document.rootElement()
        else {
            throw SignInRefusal(.invalidToken, "\(what) is not well-formed XML")
        }
        return root
    }

    /// What is wrong with the bytes as a document, or nil when nothing is.
    static func check(_ data: Data) -> String? {
        var reason = [CChar](repeating: 0, count: 128)
        let code = data.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return -1 }
            return saml_xml_check(base, raw.count, &reason, reason.count)
        }
        guard code != 0 else { return nil }
        let text = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? "empty document" : text
    }

    /// The elements with this local name under `node`, in any depth.
    static func elements(_ node: XMLElement, _ name: String) -> [XMLElement] {
        ((try? node.nodes(forXPath: ".//*[local-name()='\(name)']")) ?? []).compactMap { $0 as? XMLElement }
    }

    /// The element's children with this local name.
    static func children(_ parent: XMLElement?, _ name: String) -> [XMLElement] {
        (parent?.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
    }

    /// An attribute without a prefix. Not `attribute(forName:)`, which on Linux looks in the
    /// element's default namespace, where no unprefixed attribute ever is.
    static func attribute(_ element: XMLElement?, _ name: String) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    /// An element's whole text: every text node, never only the first (a comment must not cut a
    /// value short, as `anna<!---->@example.org` would).
    static func text(_ element: XMLElement?) -> String? {
        element?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
