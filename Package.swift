// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Skillnad",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "skillnad", targets: ["skillnad"]),
        .library(name: "SkillnadCore", targets: ["SkillnadCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.4.0"),
        // Statements come as DOCX and ODT, which are zip files of XML.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        // `/metrics`: swift-metrics' counters and timers, exposed in Prometheus' text format.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        // Verifying the ID tokens of the municipality's OpenID Connect provider.
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.0.0"),
        // SHA-256 checksums of archive packages, in the core (Vapor uses the same package).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // Domain values and logic with no web framework: builds and tests in seconds.
        .target(
            name: "SkillnadCore",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "App",
            dependencies: [
                "SkillnadCore",
                "CSAMLVerify",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            resources: [
                .copy("Resources/Views"),
                .copy("Resources/Public"),
                .copy("Resources/Demo"),
                .copy("Resources/API"),
                .copy("Resources/Styles"),
                .copy("Resources/Archive"),
            ]
        ),
        // libxmlsec1 (Debian's libxmlsec1-dev) verifies SAML signatures; SwiftPM keeps only the -I
        // and -l flags of its pkg-config file, so the C target repeats the -D flags the library needs.
        .systemLibrary(
            name: "CXMLSec", path: "Sources/CXMLSec", pkgConfig: "xmlsec1", providers: [.apt(["libxmlsec1-dev"])]),
        .target(
            name: "CSAMLVerify",
            dependencies: ["CXMLSec"],
            cSettings: [
                .define("XMLSEC_NO_SIZE_T"), .define("XMLSEC_CRYPTO_OPENSSL"),
                .define("XMLSEC_NO_CRYPTO_DYNAMIC_LOADING"), .define("XMLSEC_NO_GOST"), .define("XMLSEC_NO_GOST2012"),
            ]
        ),
        .executableTarget(name: "skillnad", dependencies: ["App"]),
        .testTarget(name: "SkillnadCoreTests", dependencies: ["SkillnadCore"], exclude: ["Resources"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
