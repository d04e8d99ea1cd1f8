import Foundation
import Vapor

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The municipality's SAML identity provider as its metadata describes it (IdP-metadata): who it
/// is, where people sign in (the HTTP-Redirect binding) and the certificates it signs with (more
/// than one while it changes keys).
struct SAMLIdentityProviderMetadata: Sendable {
    let entityID: String
    let singleSignOn: String
    let certificates: [String]

    /// Reads the one identity provider the metadata describes; what is missing is named. A file
    /// of several (a federation's) is refused: any of them could otherwise speak for the first.
    static func read(_ data: Data) throws -> SAMLIdentityProviderMetadata {
        let root = try SAMLXML.root(data, what: "the identity provider's metadata")
        let descriptors = (root.localName == "EntityDescriptor" ? [root] : SAMLXML.elements(root, "EntityDescriptor"))
            .filter { !SAMLXML.children($0, "IDPSSODescriptor").isEmpty }
        guard descriptors.count == 1, let entity = descriptors.first,
            let entityID = SAMLXML.attribute(entity, "entityID"), !entityID.isEmpty
        else {
            throw SignInRefusal(
                .providerUnavailable,
                "the metadata must describe exactly one identity provider with an entityID, not \(descriptors.count)")
        }
        let idp = SAMLXML.children(entity, "IDPSSODescriptor")
        let redirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
        guard
            let singleSignOn = idp.flatMap({ SAMLXML.children($0, "SingleSignOnService") })
                .first(where: { SAMLXML.attribute($0, "Binding") == redirect })
                .flatMap({ SAMLXML.attribute($0, "Location") }),
            SignInSettings.isAcceptable(URL(string: singleSignOn))
        else {
            throw SignInRefusal(
                .providerUnavailable, "the metadata names no https SingleSignOnService for HTTP-Redirect")
        }
        let signing = idp.flatMap { SAMLXML.children($0, "KeyDescriptor") }
            .filter { ["signing", nil].contains(SAMLXML.attribute($0, "use")) }
        let certificates = signing.flatMap { SAMLXML.elements($0, "X509Certificate") }.compactMap(SAMLXML.text)
            .filter { !$0.isEmpty }.map(pem)
        guard !certificates.isEmpty else {
            throw SignInRefusal(.providerUnavailable, "the metadata has no signing certificate")
        }
        return SAMLIdentityProviderMetadata(entityID: entityID, singleSignOn: singleSignOn, certificates: certificates)
    }

    /// A certificate's base64 as PEM, in lines of 64.
    static func pem(_ base64: String) -> String {
        let compact = base64.filter { !$0.isWhitespace }
        var lines: [String] = []
        var rest = Substring(compact)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n"
    }
}

/// The identity provider's metadata, read once from a file or fetched from its address and kept
/// for an hour, so a provider's new certificate is taken up without a restart.
actor SAMLIdentityProvider {
    let settings: SAMLSettings
    private var metadata: (value: SAMLIdentityProviderMetadata, fetched: Date)?
    static let metadataLifetime: TimeInterval = 3600

    init(settings: SAMLSettings) {
        self.settings = settings
    }

    func metadata(using client: any Client) async throws -> SAMLIdentityProviderMetadata {
        if let metadata, Date().timeIntervalSince(metadata.fetched) < Self.metadataLifetime { return metadata.value }
        let data: Data
        if settings.metadata.hasPrefix("http") {
            let response: ClientResponse
            do {
                // Redirects are not followed (`AccountsCapability` tells the client so): an
                // answer other than 200 is refused below.
                response = try await client.get(URI(string: settings.metadata))
            } catch {
                throw SignInRefusal(.providerUnavailable, "\(settings.metadata) cannot be reached: \(error)")
            }
            guard response.status == .ok, let body = response.body, body.readableBytes <= 4 << 20 else {
                throw SignInRefusal(.providerUnavailable, "\(settings.metadata) answered \(response.status.code)")
            }
            data = Data(buffer: body)
        } else {
            guard let read = FileManager.default.contents(atPath: settings.metadata) else {
                throw SignInRefusal(.providerUnavailable, "cannot read \(settings.metadata)")
            }
            data = read
        }
        let value = try SAMLIdentityProviderMetadata.read(data)
        metadata = (value, Date())
        return value
    }
}

extension Application {
    private struct SAMLIdentityProviderKey: StorageKey { typealias Value = SAMLIdentityProvider }

    /// The configured SAML identity provider, made once per application.
    var samlProvider: SAMLIdentityProvider? {
        get { storage[SAMLIdentityProviderKey.self] }
        set { storage[SAMLIdentityProviderKey.self] = newValue }
    }
}
