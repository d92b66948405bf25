/// Picking choice n of a numbered list from a numeric keypad: digits, then Enter, or at once
/// when no longer number could follow (with 11 choices, "3" picks 3 at once, "1" waits for
/// Enter or a second digit). A tap gives `.select(n)` directly.
public struct ChoiceInput: Sendable, Equatable {
    /// Digits typed so far, shown on screen.
    public private(set) var typed = ""

    public enum Outcome: Sendable, Equatable {
        case chosen(Int)
        /// The key was taken (a digit that may go on, a Backspace that removed one).
        case pending
        /// The number is not on the list.
        case invalid
        /// Not a key for choosing: the screen decides what it means.
        case ignored
    }

    public init() {}

    public mutating func reset() { typed = "" }

    public mutating func key(_ input: InputEvent, count: Int) -> Outcome {
        switch input {
        case .select(let number):
            typed = ""
            return (1...max(1, count)).contains(number) && count > 0 ? .chosen(number) : .invalid
        case .text(let character) where character.isASCII && character.isNumber:
            if typed.isEmpty, character == "0" { return .ignored }
            typed.append(character)
            let number = Int(typed) ?? 0
            if number > count {
                typed = ""
                return .invalid
            }
            if number * 10 > count {
                typed = ""
                return .chosen(number)
            }
            return .pending
        case .enter where !typed.isEmpty:
            let number = Int(typed) ?? 0
            typed = ""
            return (1...max(1, count)).contains(number) ? .chosen(number) : .invalid
        case .backspace where !typed.isEmpty:
            typed.removeLast()
            return .pending
        default:
            return .ignored
        }
    }
}
