// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gongzhi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongzhi", targets: ["Run"]),
        .executable(name: "gongzhi-bench", targets: ["GongzhiBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        // Prometheus text format for /metrics: a maintained registry beats hand-formatting counters.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
    ],
    targets: [
        // Domain rules: plain Swift, no Vapor, no Fluent.
        .target(name: "GongzhiCore"),
        .target(
            name: "Gongzhi",
            dependencies: [
                "GongzhiCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "Run", dependencies: ["Gongzhi"]),
        // Benchmarks of the rules that must scale to a city (see Benchmarks/README.md).
        .executableTarget(name: "GongzhiBench", dependencies: ["GongzhiCore"]),
        .testTarget(name: "GongzhiCoreTests", dependencies: ["GongzhiCore"]),
        .testTarget(
            name: "GongzhiTests",
            dependencies: [
                "Gongzhi",
                .product(name: "VaporTesting", package: "vapor"),
                // Creates and drops each test's database from the template (Support/TestApp.swift).
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
    ]
)
