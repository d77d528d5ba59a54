import XCTest
@testable import PreferCore

final class RaterNameTests: XCTestCase {
    func testPlainNamesAreAccepted() throws {
        XCTAssertEqual(try RaterName("ana").value, "ana")
        XCTAssertEqual(try RaterName("r.2_x-y").value, "r.2_x-y")
        XCTAssertEqual(try RaterName("7").value, "7")
        XCTAssertEqual(try RaterName(String(repeating: "a", count: 64)).value.count, 64)
    }

    func testPathLikeEmptyAndOverlongNamesAreRefused() {
        let refused = ["../x", "a/b", "..", ".", "", String(repeating: "a", count: 300),
                       String(repeating: "a", count: 65), ".hidden", "-x", "_x", "a b", "ana\u{0}", "éa", "a\u{202E}"]
        for name in refused {
            XCTAssertThrowsError(try RaterName(name), name.debugDescription) { error in
                XCTAssertEqual(error as? RaterNameError, RaterNameError(name: name))
            }
        }
    }

    func testTheRefusalIsASentenceNamingTheName() {
        XCTAssertEqual(RaterNameError(name: "../x").description,
                       "rater name \"../x\" is not allowed: use letters, digits, '.', '_' or '-', "
                       + "starting with a letter or digit, at most 64 characters")
    }

    func testHiddenCharactersInARefusedNameAreEscapedInTheMessage() {
        let message = RaterNameError(name: "a\u{1B}]0;pwned\u{7}\u{202E}").description
        XCTAssertTrue(message.hasPrefix(#"rater name "a\u001b]0;pwned\u0007\u202e" is not allowed"#), message)
        XCTAssertFalse(message.unicodeScalars.contains(where: HiddenCharacters.isHidden))
    }

    func testAHugeNameIsCutShortInTheMessage() {
        let message = RaterNameError(name: String(repeating: "x", count: 10_000)).description
        XCTAssertTrue(message.contains("… (10000 characters)"))
        XCTAssertLessThan(message.count, 300)
    }

    func testTheDefaultRaterIsTheLoginOfTheRunningAccount() throws {
        let login = try XCTUnwrap(RaterName.login)
        XCTAssertFalse(login.isEmpty)
        // The test machine runs as a known account: the password database must agree with getuid.
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            XCTAssertEqual(login, String(cString: name))
        }
        if RaterName.isValid(login) {
            XCTAssertEqual(try RaterName.defaultName().value, login)
        }
    }
}
