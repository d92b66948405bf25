import OneWindowKiosk
import Testing

@Suite("Choosing from a numbered list on a keypad", .timeLimit(.minutes(2)))
struct ChoiceInputTests {
    @Test("with nine choices or fewer, a digit chooses at once")
    func single() {
        var choice = ChoiceInput()
        #expect(choice.key(.text("3"), count: 5) == .chosen(3))
        #expect(choice.key(.text("7"), count: 5) == .invalid)
    }

    @Test("with more than nine, a digit that may go on waits for Enter or a second digit")
    func double() {
        var choice = ChoiceInput()
        #expect(choice.key(.text("1"), count: 11) == .pending)
        #expect(choice.typed == "1")
        #expect(choice.key(.text("1"), count: 11) == .chosen(11))
        #expect(choice.key(.text("1"), count: 11) == .pending)
        #expect(choice.key(.enter, count: 11) == .chosen(1))
        #expect(choice.key(.text("2"), count: 11) == .chosen(2))
    }

    @Test("Backspace removes a typed digit before it means going back")
    func backspace() {
        var choice = ChoiceInput()
        _ = choice.key(.text("1"), count: 12)
        #expect(choice.key(.backspace, count: 12) == .pending)
        #expect(choice.key(.backspace, count: 12) == .ignored)
    }

    @Test("a tap chooses directly")
    func tap() {
        var choice = ChoiceInput()
        #expect(choice.key(.select(10), count: 11) == .chosen(10))
        #expect(choice.key(.select(12), count: 11) == .invalid)
    }
}
