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

    /// Reads an EntityDescriptor; what is missing is named.
    static func read(_ data: Data) throws -> SAMLIdentityProviderMetadata {
        let document = try SAMLXML.document(data, what: "the identity provider's metadata")
        func values(_ xpath: String) -> [String] {
            ((try? document.nodes(forXPath: xpath)) ?? []).compactMap(\.stringValue)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        let descriptor = "//*[local-name()='EntityDescriptor']"
        let idp = descriptor + "/*[local-name()='IDPSSODescriptor']"
        guard let entityID = values(descriptor + "/@entityID").first else {
            throw SignInRefusal(.providerUnavailable, "the metadata has no EntityDescriptor with an entityID")
        }
        let redirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
        guard
            let singleSignOn = values(idp + "/*[local-name()='SingleSignOnService'][@Binding='\(redirect)']/@Location")
                .first, SignInSettings.isAcceptable(URL(string: singleSignOn))
        else {
            throw SignInRefusal(
                .providerUnavailable, "the metadata names no https SingleSignOnService for HTTP-Redirect")
        }
        let keys = idp + "/*[local-name()='KeyDescriptor'][not(@use) or @use='signing']"
        let certificates = values(keys + "//*[local-name()='X509Certificate']").map(pem)
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
                response = try await client.get(URI(string: settings.metadata))
            } catch {
                throw SignInRefusal(.providerUnavailable, "\(settings.metadata) cannot be reached: \(error)")
            }
            guard response.status == .ok, let body = response.body else {
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
