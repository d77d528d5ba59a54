import XCTest
final class PreferCLITestsPlaceholder: XCTestCase { func testPlaceholder() {} }
