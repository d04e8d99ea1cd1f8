import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reading SAML's XML safely: no document type (so no entities), nothing fetched, text read whole.
enum SAMLXML {
    static let protocolNamespace = "urn:oasis:names:tc:SAML:2.0:protocol"
    static let assertionNamespace = "urn:oasis:names:tc:SAML:2.0:assertion"

    static func document(_ data: Data, what: String) throws -> XMLDocument {
        guard data.count <= 1 << 20 else { throw SignInRefusal(.invalidToken, "\(what) is larger than 1 MB") }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw SignInRefusal(.invalidToken, "\(what) has a document type, which SAML never needs")
        }
        do {
            return try XMLDocument(data: data, options: [.nodeLoadExternalEntitiesNever])
        } catch {
            throw SignInRefusal(.invalidToken, "\(what) is not well-formed XML")
        }
    }

    /// The elements with this local name under `node`, in any depth.
    static func elements(_ node: XMLNode, _ name: String) -> [XMLElement] {
        ((try? node.nodes(forXPath: ".//*[local-name()='\(name)']")) ?? []).compactMap { $0 as? XMLElement }
    }

    static func attribute(_ element: XMLElement?, _ name: String) -> String? {
        element?.attribute(forName: name)?.stringValue
    }

    /// An element's whole text: every text node, never only the first (a comment must not cut a
    /// value short, as `anna<!---->@example.org` would).
    static func text(_ element: XMLElement?) -> String? {
        element?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
