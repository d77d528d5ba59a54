import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A target `-o` refuses, with the sentence to show (exit 2).
public struct OutputTargetRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
