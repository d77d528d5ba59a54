import XCTest
final class PreferCoreTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
