import CNcursesw
import PreferCore
import PreferTUI

/// Turns what `wget_wch` returned into a `KeyEvent`, so nothing above this target sees ncurses codes.
enum KeyDecoder {
    /// Decodes a function key (`wget_wch` returned KEY_CODE_YES); KEY_RESIZE is handled by the caller.
    static func functionKey(_ code: Int32) -> KeyEvent {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // The keypad's corner keys and the vt220 Find/Select keys double as Home/End/PgUp/PgDn.
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default: return .unknown(code)
        }
    }

    /// Decodes a character (`wget_wch` returned OK).
    static func character(_ value: UInt32) -> KeyEvent {
        switch value {
        // nonl() turns off CR→NL translation, so Enter may arrive as either.
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        // Terminals disagree on whether Backspace sends DEL or ^H.
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60) + UInt8(value))))
        default:
            // Only characters safe to show may become `.character`: a typed control or invisible
            // format character would otherwise flow into notes and searches.
            guard let scalar = Unicode.Scalar(value), !HiddenCharacters.isHidden(scalar) else {
                return .unknown(Int32(bitPattern: value))
            }
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: return .unknown(Int32(bitPattern: value))
            default: return .character(Character(scalar))
            }
        }
    }
}
