import Foundation
import XCTest

/// Finds the `prefer` executable that `swift test` built next to the test bundle, and runs
/// it without a terminal for the checks that happen before the screen opens.
enum PreferBinary {
    static var path: String {
        // Another build (an older release, to show a test failed before a fix).
        if let other = ProcessInfo.processInfo.environment["PREFER_E2E_BINARY"], !other.isEmpty { return other }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../.build/debug"),
        ]
        for directory in candidates {
            var dir = directory
            for _ in 0..<3 {
                let candidate = dir.appendingPathComponent("prefer").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return "prefer"
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs prefer with no terminal and no standard input.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        return try collect(process)
    }

    /// Runs a prepared process with no standard input and collects its status and output.
    static func collect(_ process: Process) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
