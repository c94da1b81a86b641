// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "BriefingCore"),
        .target(name: "Ingest", dependencies: ["BriefingCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "Clustering", dependencies: ["BriefingCore"]),
        .target(name: "Comparison", dependencies: ["BriefingCore"]),
        .target(
            name: "Rendering",
            dependencies: ["BriefingCore", "CCmark", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(name: "Site", dependencies: ["BriefingCore", "Ingest", "Clustering", "Comparison", "Rendering"]),
        .target(
            name: "Preview",
            dependencies: [
                "Site", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BriefingCLI",
            dependencies: ["Site", "Preview", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "briefing", dependencies: ["BriefingCLI"],
            // mimalloc (Debian's libmimalloc-dev) takes over malloc in the release binary: a build
            // allocates millions of small strings and arrays (figures in `Benchmarks/README.md`).
            linkerSettings: [.linkedLibrary("mimalloc", .when(configuration: .release))]
        ),

        .target(name: "TestSupport", dependencies: ["BriefingCore"], path: "Tests/TestSupport"),
        .testTarget(name: "BriefingCoreTests", dependencies: ["BriefingCore", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "ClusteringTests", dependencies: ["Clustering", "Ingest", "TestSupport"]),
        .testTarget(name: "ComparisonTests", dependencies: ["Comparison", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "BriefingCLI", "TestSupport"]),
        .testTarget(
            name: "PreviewTests",
            dependencies: ["Preview", "TestSupport", .product(name: "Hummingbird", package: "hummingbird")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
