import XCTest
final class PreferTUITestsPlaceholder: XCTestCase { func testPlaceholder() {} }
