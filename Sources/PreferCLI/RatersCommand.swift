import ArgumentParser
import Foundation
import PreferCore
import PreferTUI

/// `prefer raters`: the OpenSSH path of SPEC §11. Raters log in to one service account; the
/// line of each rater's key in its `authorized_keys` forces `prefer label` for her.
struct RatersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raters",
        abstract: "Let raters reach the labeling screen over OpenSSH, without a shell (authorized_keys).",
        discussion: """
        Run these as the service account that owns the batch and sessions folders. Each rater
        gets one line in its authorized_keys:
          restrict,pty,command="/usr/local/bin/prefer label --batch … --rater ana" ssh-ed25519 AAAA… prefer-rater:ana
        so her key opens her labeling screen and nothing else (see docs/SSH.md).

        Examples:
          prefer raters add ana --key ana.pub --batch /srv/labels/batch-07.toml --sessions /srv/labels/sessions
          prefer raters list
          prefer raters remove ana
        """,
        subcommands: [Add.self, Remove.self, List.self]
    )

    /// `--authorized-keys PATH`, default `~/.ssh/authorized_keys` of this account.
    struct KeysFileOption: ParsableArguments {
        @Option(name: .customLong("authorized-keys"), help: ArgumentHelp("The file to manage (default: ~/.ssh/authorized_keys of this account).", valueName: "path"))
        var path: String?

        /// The file's path; for the default, `~/.ssh` is created (0700) when missing.
        func resolved() throws -> String {
            if let path { return path }
            guard let home = AccountName.home(of: getuid()) else {
                throw CommandFailure.runtime("cannot tell this account's home folder; give --authorized-keys PATH")
            }
            let folder = home + "/.ssh"
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw CommandFailure.runtime("cannot create \(folder): \(String(cString: strerror(errno)))")
            }
            return folder + "/authorized_keys"
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a rater: her public key opens her labeling screen of the batch.")

        @Argument(help: ArgumentHelp("The rater's name (letters, digits, '.', '_', '-').", valueName: "name"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("The rater's OpenSSH public key file (one key).", valueName: "file.pub"))
        var key: String

        @OptionGroup var sitting: SittingOptions
        @OptionGroup var keysFile: KeysFileOption

        func run() throws {
            let rater = try LabelingPlan.raterName(name)
            let publicKey = try CommandFailure.asBadInput { try PublicKeyFile.read(key) }
            let launch = try sitting.launch(for: [rater])
            let path = try keysFile.resolved()
            try RatersCommand.edit(path) { try $0.add(launch, key: publicKey) }
            Diagnostics.note("prefer: rater \(rater.value) added to \(path) (key \(publicKey.type) \(publicKey.fingerprint))")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a rater's line (her key no longer logs in).")

        @Argument(help: ArgumentHelp("The rater's name.", valueName: "name"))
        var name: String

        @OptionGroup var keysFile: KeysFileOption

        func run() throws {
            let rater = try LabelingPlan.raterName(name)
            let path = try keysFile.resolved()
            try RatersCommand.edit(path) { try $0.remove(rater) }
            Diagnostics.note("prefer: rater \(rater.value) removed from \(path)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the raters and what their key runs (tab-separated on stdout).")

        @OptionGroup var keysFile: KeysFileOption

        func run() throws {
            let path = try keysFile.resolved()
            let file = try RatersCommand.open(path)
            for line in file.raters {
                let fields = [line.rater, "\(line.key.type) \(line.key.fingerprint)", line.command]
                try Diagnostics.output(fields.map(Sanitizer.singleLine).joined(separator: "\t") + "\n", naming: "the list")
            }
        }
    }

    static func open(_ path: String) throws -> AuthorizedKeysFile {
        try CommandFailure.asBadInput { try AuthorizedKeysFile(path: path) }
    }

    /// Opens the file at `path`, makes `change` (a refusal is bad input) and saves it whole.
    static func edit(_ path: String, _ change: (inout AuthorizedKeysFile) throws -> Void) throws {
        var file = try open(path)
        try CommandFailure.asBadInput { try change(&file) }
        try CommandFailure.asRuntime { try file.write() }
    }
}
