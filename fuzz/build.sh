#!/usr/bin/env bash
# Builds one libFuzzer target (libFuzzer + AddressSanitizer) from the Sources files it needs,
# with swiftc directly: the harnesses are not in Package.swift.
#
#   fuzz/build.sh TARGET OUTPUT      TARGET: FuzzTaskLine FuzzJSONDifferential FuzzSessionReader FuzzSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"; out="$2"
core=Sources/PreferCore
json=("$core"/JSON/*.swift "$core"/Text/HiddenCharacters.swift)
case "$target" in
  FuzzTaskLine)
    files=("${json[@]}" "$core"/Tasks/PreferenceTask.swift "$core"/Tasks/Message.swift "$core"/Tasks/Prompt.swift
           "$core"/Tasks/TaskContent.swift "$core"/Tasks/TaskLineProblem.swift "$core"/Tasks/TaskLineSchema.swift
           "$core"/Tasks/TaskLineSchema+Decode.swift) ;;
  FuzzJSONDifferential)
    files=("${json[@]}") ;;
  FuzzSessionReader)
    files=("${json[@]}" "$core"/InputError.swift "$core"/Scale.swift "$core"/Reading/SessionReader.swift "$core"/Reading/SessionLine.swift "$core"/Reading/KeyWords.swift
           "$core"/Sessions/SessionRecord.swift "$core"/Reading/SessionFiles.swift "$core"/Reading/FolderListings.swift "$core"/Sessions/Timestamp.swift
           "$core"/Reading/JSONLines.swift "$core"/Reading/FileIdentity.swift
           "$core"/Sessions/RaterName.swift "$core"/Sessions/SessionEvent.swift "$core"/Sessions/AdjudicationInfo.swift
           "$core"/Sessions/SessionWriteError.swift
           "$core"/Reading/SessionFileEntry.swift "$core"/Sessions/RaterFolders.swift "$core"/Sessions/RaterFolderRule.swift
           "$core"/Sessions/SessionFolder.swift "$core"/Sessions/SessionOpenError.swift "$core"/InputLimits.swift
           "$core"/FileKind.swift "$core"/AccountName.swift) ;;
  FuzzSanitizer)
    # One module holds everything, so PreferTUI's `import PreferCore` is dropped from copies.
    copies="$(mktemp -d)"; trap 'rm -rf "$copies"' EXIT
    for f in Text/Sanitizer Text/SanitizedText Text/Glyph Text/DisplayWidth Text/WideCharacterTable \
             Text/StyledLine Grid/TextStyle; do
      sed '/^import PreferCore$/d' "Sources/PreferTUI/$f.swift" >"$copies/$(basename "$f").swift"
    done
    files=("$copies"/*.swift "${json[@]}") ;;
  *) echo "unknown fuzz target $target" >&2; exit 2 ;;
esac
# -Onone keeps the build short enough for CI; ASan and the coverage hooks do the finding.
swiftc -Onone -sanitize=fuzzer,address -parse-as-library -module-name PreferFuzz \
  "${files[@]}" "fuzz/$target.swift" -o "$out" 2>&1 | grep -v 'ld.gold: warning' || true
[ -x "$out" ] || { echo "fuzz/build.sh: $target did not build" >&2; exit 1; }
