import Foundation
import JWTKit
import SkillnadCore
import Vapor

/// The municipality's OpenID Connect provider as Skillnad talks to it (OIDC-leverantör): its
/// discovery document and signing keys, fetched and kept; the code exchanged for tokens; the ID
/// token verified. Keys are fetched again when a token names a key not seen yet or does not
/// verify with the kept ones, which is how a provider's key rotation reaches Skillnad.
actor OIDCProvider {
    struct Metadata: Decodable, Sendable {
        let issuer: String
        let authorizationEndpoint: String
        let tokenEndpoint: String
        let jwksURI: String
        let endSessionEndpoint: String?

        enum CodingKeys: String, CodingKey {
            case issuer
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
            case endSessionEndpoint = "end_session_endpoint"
        }
    }

    /// How long discovery is kept before it is fetched again.
    static let metadataLifetime: TimeInterval = 3600
    /// How far the provider's clock may be from ours.
    static let clockSkew: TimeInterval = 120

    let settings: OIDCSettings
    private var metadata: (value: Metadata, fetched: Date)?
    private var keys: (collection: JWTKeyCollection, kids: Set<String>, fetched: Date)?
    /// How long keys are kept before they are fetched again, so a key the provider withdrew stops counting.
    static let keysLifetime: TimeInterval = 24 * 3600

    init(settings: OIDCSettings) {
        self.settings = settings
    }

    func metadata(using client: any Client) async throws -> Metadata {
        if let metadata, Date().timeIntervalSince(metadata.fetched) < Self.metadataLifetime { return metadata.value }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let address = base + "/.well-known/openid-configuration"
        let value: Metadata = try await fetch(address, using: client)
        guard value.issuer == settings.issuer else {
            throw SignInRefusal(
                .providerUnavailable, "discovery names the issuer \(value.issuer), not \(settings.issuer)")
        }
        for endpoint in [value.authorizationEndpoint, value.tokenEndpoint, value.jwksURI]
            + [value.endSessionEndpoint]
            .compactMap({ $0 })
        {
            guard SignInSettings.isAcceptable(URL(string: endpoint)) else {
                throw SignInRefusal(.providerUnavailable, "discovery gives an endpoint that is not https: \(endpoint)")
            }
        }
        metadata = (value, Date())
        return value
    }

    /// Exchanges an authorisation code for the ID token (client_secret_basic, with the PKCE verifier).
    func exchange(code: String, verifier: String, redirectURI: String, using client: any Client) async throws
        -> String
    {
        let meta = try await metadata(using: client)
        struct TokenRequest: Content {
            let grant_type: String
            let code: String
            let redirect_uri: String
            let code_verifier: String
        }
        struct TokenResponse: Decodable {
            let id_token: String?
        }
        struct TokenError: Decodable {
            let error: String?
        }
        let settings = settings
        let response: ClientResponse
        do {
            response = try await client.post(URI(string: meta.tokenEndpoint)) { request in
                // RFC 6749 §2.3.1: both are form-encoded before they are joined.
                request.headers.basicAuthorization = BasicAuthorization(
                    username: Self.formEncoded(settings.clientID), password: Self.formEncoded(settings.clientSecret))
                request.headers.replaceOrAdd(name: .accept, value: "application/json")
                try request.content.encode(
                    TokenRequest(
                        grant_type: "authorization_code", code: code, redirect_uri: redirectURI,
                        code_verifier: verifier),
                    as: .urlEncodedForm)
            }
        } catch {
            throw SignInRefusal(.providerUnavailable, "the token endpoint cannot be reached: \(error)")
        }
        guard response.status == .ok else {
            let said = (try? response.content.decode(TokenError.self, using: JSONDecoder()))?.error
            throw SignInRefusal(
                .providerRefused, "the token endpoint refused the code (\(said ?? "status \(response.status.code)"))")
        }
        guard let token = (try? response.content.decode(TokenResponse.self, using: JSONDecoder()))?.id_token else {
            throw SignInRefusal(.providerUnavailable, "the token endpoint gave no ID token")
        }
        return token
    }

    /// The ID token's claims, once its signature, issuer, audience, times and nonce are right.
    func verify(_ token: String, nonce: String, using client: any Client, now: Date = Date()) async throws
        -> [String: JSONValue]
    {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        struct Header: Decodable {
            let alg: String?
            let kid: String?
        }
        guard parts.count == 3, let headerData = Self.base64URLDecoded(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: headerData),
            let payloadData = Self.base64URLDecoded(parts[1]),
            let claims = try? JSONDecoder().decode([String: JSONValue].self, from: payloadData)
        else {
            throw SignInRefusal(.invalidToken, "the ID token is not a signed JWT")
        }
        // Only what OIDC providers sign with by default; never `none`, never one the token picks.
        guard header.alg == "RS256" else {
            throw SignInRefusal(.invalidToken, "the ID token is signed with \(header.alg ?? "nothing"), not RS256")
        }
        try await verifySignature(token, kid: header.kid, using: client)
        try check(claims, nonce: nonce, now: now)
        return claims
    }

    private func verifySignature(_ token: String, kid: String?, using client: any Client) async throws {
        var current = try await keySet(using: client, refresh: false)
        if let kid, !current.kids.contains(kid) {
            current = try await keySet(using: client, refresh: true)
        }
        do {
            _ = try await current.collection.verify(token, as: SignatureOnly.self, iteratingKeys: kid == nil)
            return
        } catch {
            // Perhaps the provider has rotated its keys since they were fetched: once more with fresh ones.
        }
        let fresh = try await keySet(using: client, refresh: true)
        do {
            _ = try await fresh.collection.verify(token, as: SignatureOnly.self, iteratingKeys: kid == nil)
        } catch {
            throw SignInRefusal(.invalidToken, "the ID token's signature does not match the provider's keys")
        }
    }

    private func check(_ claims: [String: JSONValue], nonce: String, now: Date) throws {
        guard case .string(let issuer)? = claims["iss"], issuer == settings.issuer else {
            throw SignInRefusal(.invalidToken, "the ID token is from another issuer")
        }
        let audiences: [String]
        switch claims["aud"] {
        case .string(let one)?: audiences = [one]
        case .array(let many)?: audiences = many.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: audiences = []
        }
        guard audiences.contains(settings.clientID) else {
            throw SignInRefusal(
                .invalidToken, "the ID token is for another audience (\(audiences.joined(separator: ", ")))")
        }
        if audiences.count > 1 {
            guard case .string(let party)? = claims["azp"], party == settings.clientID else {
                throw SignInRefusal(.invalidToken, "the ID token has several audiences and names another party")
            }
        }
        guard case .number(let expires)? = claims["exp"], now.timeIntervalSince1970 < expires + Self.clockSkew else {
            throw SignInRefusal(.invalidToken, "the ID token has expired")
        }
        if case .number(let issued)? = claims["iat"], issued > now.timeIntervalSince1970 + Self.clockSkew {
            throw SignInRefusal(.invalidToken, "the ID token is issued in the future")
        }
        guard case .string(let sent)? = claims["nonce"], Secrets.constantTimeEqual(sent, nonce) else {
            throw SignInRefusal(.invalidToken, "the ID token's nonce is not the one this sign-in sent")
        }
        guard case .string(let subject)? = claims["sub"], !subject.isEmpty else {
            throw SignInRefusal(.invalidToken, "the ID token names no subject")
        }
    }

    private typealias KeySet = (collection: JWTKeyCollection, kids: Set<String>)

    /// The provider's RSA signing keys, each pinned to RS256 so no token can choose another use of it.
    private func keySet(using client: any Client, refresh: Bool) async throws -> KeySet {
        if !refresh, let keys, Date().timeIntervalSince(keys.fetched) < Self.keysLifetime {
            return (keys.collection, keys.kids)
        }
        let meta = try await metadata(using: client)
        struct KeyList: Decodable {
            struct Key: Decodable {
                let kty: String?
                let use: String?
                let kid: String?
                let n: String?
                let e: String?
            }
            let keys: [Key]
        }
        let list: KeyList = try await fetch(meta.jwksURI, using: client)
        let collection = JWTKeyCollection()
        var kids: Set<String> = []
        for (index, key) in list.keys.enumerated() where key.kty == "RSA" && (key.use ?? "sig") == "sig" {
            let kid = key.kid ?? "key-\(index)"
            let jwk = JWK.rsa(.rs256, identifier: JWKIdentifier(string: kid), modulus: key.n, exponent: key.e)
            do {
                try await collection.add(jwk: jwk)
                kids.insert(kid)
            } catch {
                continue
            }
        }
        guard !kids.isEmpty else { throw SignInRefusal(.providerUnavailable, "the provider's key set has no RSA key") }
        keys = (collection, kids, Date())
        return (collection, kids)
    }

    private func fetch<Value: Decodable>(_ address: String, using client: any Client) async throws -> Value {
        let response: ClientResponse
        do {
            response = try await client.get(URI(string: address)) { request in
                request.headers.replaceOrAdd(name: .accept, value: "application/json")
            }
        } catch {
            throw SignInRefusal(.providerUnavailable, "\(address) cannot be reached: \(error)")
        }
        guard response.status == .ok, let value = try? response.content.decode(Value.self, using: JSONDecoder())
        else {
            throw SignInRefusal(
                .providerUnavailable, "\(address) answered \(response.status.code) without the JSON expected")
        }
        return value
    }

    static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? text
    }

    static func base64URLDecoded(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    static func base64URLEncoded(_ data: some Sequence<UInt8>) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// What jwt-kit decodes while it checks the signature; every claim is checked by `OIDCProvider`.
private struct SignatureOnly: JWTPayload {
    init(from decoder: any Decoder) throws {}
    func encode(to encoder: any Encoder) throws {}
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

extension Application {
    private struct OIDCProviderKey: StorageKey { typealias Value = OIDCProvider }

    /// The configured provider, made once per application.
    var oidcProvider: OIDCProvider? {
        get { storage[OIDCProviderKey.self] }
        set { storage[OIDCProviderKey.self] = newValue }
    }
}
