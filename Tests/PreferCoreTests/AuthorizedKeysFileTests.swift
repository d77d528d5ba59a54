import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

/// `prefer raters add/remove/list` on an `authorized_keys` file (SPEC §11).
final class AuthorizedKeysFileTests: XCTestCase {
    private func launch(_ rater: String) throws -> LabelLaunch {
        try LabelLaunch(executable: "/usr/local/bin/prefer", work: .batch("/srv/labels/batch-07.toml"),
                        rater: RaterName(rater), sessions: "/srv/labels/sessions")
    }

    private func key(_ text: String) throws -> OpenSSHPublicKey { try OpenSSHPublicKey(parsing: Substring(text)) }

    func testNewFileGetsTheRestrictedLineAndMode0600() throws {
        let folder = SessionTempFolder()
        let path = folder.file("authorized_keys")
        let before = umask(0)
        defer { umask(before) }
        var file = try AuthorizedKeysFile(path: path)
        try file.add(launch("ana"), key: key(RaterKeyTests.ed25519))
        try file.write()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), """
            restrict,pty,command="/usr/local/bin/prefer label --batch /srv/labels/batch-07.toml --rater ana --sessions /srv/labels/sessions" \(RaterKeyTests.ed25519) prefer-rater:ana

            """)
        XCTAssertEqual(sessionTestMode(path), 0o600)
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        XCTAssertEqual(status.st_uid, getuid())
        let listed = try AuthorizedKeysFile(path: path).raters
        XCTAssertEqual(listed.map(\.rater), ["ana"])
        XCTAssertEqual(listed.first?.command, "/usr/local/bin/prefer label --batch /srv/labels/batch-07.toml --rater ana --sessions /srv/labels/sessions")
        XCTAssertEqual(listed.first?.key.fingerprint, RaterKeyTests.ed25519Fingerprint)
    }

    func testOtherLinesAndTheModeAreKeptAndDuplicatesRefused() throws {
        let folder = SessionTempFolder()
        let path = folder.file("authorized_keys")
        let lead = "from=\"10.0.0.0/8\",command=\"echo \\\"hi there\\\"\" \(RaterKeyTests.ecdsa) lead@desk"
        folder.write("authorized_keys", "# the lead's own key\n\(lead)\n")
        XCTAssertEqual(chmod(path, 0o640), 0)
        var file = try AuthorizedKeysFile(path: path)
        XCTAssertThrowsError(try file.add(launch("bo"), key: key(RaterKeyTests.ecdsa))) { error in
            XCTAssertEqual((error as? InputError)?.description, "\(path):2: this key is already another login's key; one key is one rater")
        }
        try file.add(launch("ana"), key: key(RaterKeyTests.ed25519))
        XCTAssertThrowsError(try file.add(launch("ana"), key: key(RaterKeyTests.rsa))) { error in
            XCTAssertEqual((error as? InputError)?.description,
                           "\(path):3: rater ana is already here; `prefer raters remove ana` first to change the key or batch")
        }
        XCTAssertThrowsError(try file.add(launch("bo"), key: key(RaterKeyTests.ed25519))) { error in
            XCTAssertEqual((error as? InputError)?.description, "\(path):3: this key is already rater ana's key; one key is one rater")
        }
        try file.add(launch("bo"), key: key(RaterKeyTests.rsa))
        try file.write()
        XCTAssertEqual(sessionTestMode(path), 0o640)
        var reread = try AuthorizedKeysFile(path: path)
        XCTAssertEqual(reread.raters.map(\.rater), ["ana", "bo"])
        try reread.remove(RaterName("ana"))
        XCTAssertThrowsError(try reread.remove(RaterName("chen"))) { error in
            XCTAssertEqual((error as? InputError)?.description, "\(path): no rater chen here (`prefer raters list` shows who is)")
        }
        try reread.write()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(Array(lines.prefix(2)), ["# the lead's own key", lead])
        XCTAssertTrue(lines[2].hasSuffix(" prefer-rater:bo"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["authorized_keys"], "no temporary file left")
    }

    func testASymlinkIsNotFollowed() throws {
        let folder = SessionTempFolder()
        folder.write("elsewhere", "")
        XCTAssertEqual(symlink(folder.file("elsewhere"), folder.file("authorized_keys")), 0)
        XCTAssertThrowsError(try AuthorizedKeysFile(path: folder.file("authorized_keys"))) { error in
            XCTAssertEqual((error as? InputError)?.reason, "not a regular file (a symlink is not followed)")
        }
    }
}
