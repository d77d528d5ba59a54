// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "prefer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "prefer", targets: ["prefer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // `prefer serve` only (the PreferServe target); 0.15.1 is what needs tools 6.1.
        .package(url: "https://github.com/apple/swift-nio-ssh", exact: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        // ncursesw from Debian; pkgConfig is left out on purpose (see docs/ARCHITECTURE.md).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "PreferCore", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], resources: [
            // Links to examples/demo/tasks.jsonl and guidelines/default.md, compiled into the
            // binary (`BundledFile`), so `prefer label` works from any folder.
            .embedInCode("Bundled/demo-tasks.jsonl"),
            .embedInCode("Bundled/default-guideline.md"),
        ]),
        .target(name: "PreferTUI", dependencies: ["PreferCore"]),
        .target(name: "PreferTerminal", dependencies: ["PreferTUI", "PreferCore", "CNcursesw"]),
        // fork/exec of a sitting on a pseudo terminal, in C: only async-signal-safe calls
        // between fork and exec (docs/SSH.md).
        .target(name: "CPseudoTerminal"),
        // The built-in SSH server: the only target that imports NIO, so nothing below it pulls NIO in.
        .target(name: "PreferServe", dependencies: [
            "PreferCore", "CPseudoTerminal",
            .product(name: "NIOSSH", package: "swift-nio-ssh"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "PreferCLI", dependencies: [
            "PreferCore", "PreferTUI", "PreferTerminal", "PreferServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "prefer", dependencies: ["PreferCLI"]),
        .testTarget(name: "PreferCoreTests", dependencies: ["PreferCore"]),
        .testTarget(name: "PreferTUITests", dependencies: ["PreferTUI", "PreferCore"]),
        .testTarget(name: "PreferTerminalTests", dependencies: ["PreferTerminal", "PreferTUI"]),
        .testTarget(name: "PreferCLITests", dependencies: ["PreferCLI", "PreferCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["prefer", "PreferCore"]),
    ]
)
