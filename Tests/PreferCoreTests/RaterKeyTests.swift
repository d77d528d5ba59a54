import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import PreferCore

/// Public key lines, key files and the raters file of `prefer serve` (SPEC §11). The
/// fingerprints were printed by `ssh-keygen -lf` for these keys (OpenSSH 9.2, Debian 12).
final class RaterKeyTests: XCTestCase {
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJwKwv1tPDWctuTAEL7OnV939jaRWlVWY9QwhHgVEsxB"
    static let ed25519Fingerprint = "SHA256:vZUADAaPKh2obCL0Uq8V6+wT1DRxYVn59qQLS03corI"
    static let ecdsa = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFm3kycGY9smRGrt4qQSK0yQKIi3sGXIxeMkh/kuqvlYbQHrdJVBHTZbgwri/MrotEvpOgt9bdSym1fdYqRfhcA="
    static let ecdsaFingerprint = "SHA256:Vm0PDPJB90Zu+00V1OItDW8fpdlXUiJMfda3iG9WsRs"
    static let rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDAivIzwtdkL1zczw61oSYecbpCFCFzYrFJmzROiS7eGyZ/z9pe5OU49kTRefQop+N+ptUzw/XeVHOaVA+fKutXsMXnu6v6O2aAkUrZwd8wMS4ns8HkYx82nj7zrsyH6l0tsmYA/QkGJ5xgtiTioDR/Jni9xDNEvAKJPWYe/9mQ5Q=="

    func testKeyLinesParseAndFingerprintsMatchSSHKeygen() throws {
        let ed = try OpenSSHPublicKey(parsing: Substring(Self.ed25519 + " ana@laptop"))
        XCTAssertEqual(ed.type, "ssh-ed25519")
        XCTAssertEqual(ed.text, Self.ed25519)
        XCTAssertEqual(ed.fingerprint, Self.ed25519Fingerprint)
        let ec = try OpenSSHPublicKey(parsing: Substring(Self.ecdsa))
        XCTAssertEqual(ec.fingerprint, Self.ecdsaFingerprint)
    }

    func testBadKeyLinesSayWhy() {
        let base64 = String(Self.ed25519.dropFirst("ssh-ed25519 ".count))
        let cases: [(String, String)] = [
            ("command=\"/bin/sh\" " + Self.ed25519, "options before the key are not allowed (prefer writes its own)"),
            ("restrict " + Self.ed25519, "options before the key are not allowed (prefer writes its own)"),
            ("ssh-dss " + base64, "unknown key type \"ssh-dss\""),
            ("ssh-ed25519", "ssh-ed25519 key without its base64 part"),
            ("ssh-ed25519 AAAA$$$", "the ssh-ed25519 key is not valid base64"),
            // An ed25519 blob written as if it were an ECDSA key.
            ("ecdsa-sha2-nistp256 " + base64, "the key's data does not say it is a ecdsa-sha2-nistp256 key"),
        ]
        for (line, reason) in cases {
            XCTAssertThrowsError(try OpenSSHPublicKey(parsing: Substring(line)), line) { error in
                XCTAssertEqual((error as? OpenSSHPublicKeyError)?.reason, reason, line)
            }
        }
    }

    func testKeyFileHoldsExactlyOneKey() throws {
        let folder = SessionTempFolder()
        folder.write("ana.pub", "# ana's key\n\n" + Self.ed25519 + " ana@laptop\n")
        XCTAssertEqual(try PublicKeyFile.read(folder.file("ana.pub")).text, Self.ed25519)
        folder.write("two.pub", Self.ed25519 + "\n" + Self.ecdsa + "\n")
        XCTAssertThrowsError(try PublicKeyFile.read(folder.file("two.pub"))) { error in
            XCTAssertEqual((error as? InputError)?.description,
                           folder.file("two.pub") + ":2: a second key (the first is on line 1); give one key per rater")
        }
        folder.write("opt.pub", "\n" + "no-pty,command=\"id\" " + Self.ed25519 + "\n")
        XCTAssertThrowsError(try PublicKeyFile.read(folder.file("opt.pub"))) { error in
            XCTAssertEqual((error as? InputError)?.description,
                           folder.file("opt.pub") + ":2: options before the key are not allowed (prefer writes its own)")
        }
        folder.write("empty.pub", "# nothing\n")
        XCTAssertThrowsError(try PublicKeyFile.read(folder.file("empty.pub"))) { error in
            XCTAssertEqual((error as? InputError)?.description, folder.file("empty.pub") + ": no public key in this file")
        }
    }

    func testRatersFileChecksEveryLine() throws {
        let folder = SessionTempFolder()
        folder.write("raters", "# who may label\nana \(Self.ed25519) ana@laptop\n\nbo \(Self.ecdsa)\n")
        let file = try RatersFile(path: folder.file("raters"), allowedTypes: ["ssh-ed25519", "ecdsa-sha2-nistp256"])
        XCTAssertEqual(file.entries.map(\.rater.value), ["ana", "bo"])
        XCTAssertEqual(file.entries.map(\.line), [2, 4])
        XCTAssertEqual(file.entries[1].key.fingerprint, Self.ecdsaFingerprint)

        folder.write("bad", """
            ana \(Self.ed25519)
            ../x \(Self.ecdsa)
            ana \(Self.ecdsa)
            chen \(Self.ed25519)
            dee \(Self.rsa)
            eve
            """)
        XCTAssertThrowsError(try RatersFile(path: folder.file("bad"), allowedTypes: ["ssh-ed25519", "ecdsa-sha2-nistp256"])) { error in
            let path = folder.file("bad")
            XCTAssertEqual((error as? ValidationFailure)?.errors.map(\.description), [
                "\(path):2: rater name \"../x\" is not allowed: use letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters",
                "\(path):3: rater ana is listed twice (first on line 1)",
                "\(path):4: this key is already rater ana's (line 1); one key is one rater",
                "\(path):5: rater dee: ssh-rsa keys are not supported here (use one of ecdsa-sha2-nistp256, ssh-ed25519)",
                "\(path):6: rater eve: no key on this line",
            ])
        }
        folder.write("none", "# nobody yet\n")
        XCTAssertThrowsError(try RatersFile(path: folder.file("none"))) { error in
            XCTAssertEqual((error as? ValidationFailure)?.errors.map(\.description),
                           ["\(folder.file("none")): no raters in this file (one `NAME ssh-ed25519 AAAA…` per line)"])
        }
    }
}
