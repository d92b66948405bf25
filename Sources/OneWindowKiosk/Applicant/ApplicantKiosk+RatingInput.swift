import Foundation

/// The 好差评 screens' keys: the number, the receipt's evaluation code, the level and, after a
/// 1 or 2, the reasons. A number alone rates nothing: the daemon asks for the code.
extension ApplicantKiosk {
    mutating func ratingNumber(_ input: InputEvent, _ prefix: String, _ digits: String) -> [ApplicantEffect] {
        switch input {
        case .text(let character) where character.isASCII && character.isNumber:
            if digits.count < 4 { screen = .ratingNumber(prefix: prefix, digits: digits + String(character)) }
        case .backspace where !digits.isEmpty:
            screen = .ratingNumber(prefix: prefix, digits: String(digits.dropLast()))
        case .enter where !digits.isEmpty:
            let padded = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
            show(.ratingCode(number: prefix + padded, digits: ""))
        case .escape, .backspace:
            return goBack(to: .ratingLetter)
        default: break
        }
        return []
    }

    mutating func ratingCode(_ input: InputEvent, _ number: String, _ digits: String) -> [ApplicantEffect] {
        switch input {
        case .text(let character) where character.isASCII && character.isNumber:
            if digits.count < 6 { screen = .ratingCode(number: number, digits: digits + String(character)) }
        case .backspace where !digits.isEmpty:
            screen = .ratingCode(number: number, digits: String(digits.dropLast()))
        case .enter where digits.count >= 4:
            show(.ratingChoice(number: number, code: digits))
        case .enter:
            notice = .init(
                language.pick("评价码是小票上的 6 位数字", "The evaluation code is the 6 digits on your ticket"),
                kind: .problem)
        case .escape, .backspace:
            return goBack(to: .ratingLetter)
        default: break
        }
        return []
    }

    mutating func ratingChoice(_ input: InputEvent, _ number: String, _ code: String) -> [ApplicantEffect] {
        let rating: Int
        switch input {
        case .text(let key) where Int(String(key)).map((1...5).contains) == true: rating = Int(String(key))!
        case .select(let chosen) where (1...5).contains(chosen): rating = chosen
        default: return isBack(input) ? goBack(to: .ratingCode(number: number, digits: "")) : []
        }
        let request = RatingRequest(number: number, code: code, rating: rating)
        guard rating > 2 else {
            show(.ratingReasons(request))
            return []
        }
        return send(request)
    }

    /// Digits toggle reasons; Enter sends once at least one is chosen.
    mutating func ratingReasons(_ input: InputEvent, _ request: RatingRequest) -> [ApplicantEffect] {
        var toggled: Int?
        switch input {
        case .text(let key): toggled = Int(String(key))
        case .select(let chosen): toggled = chosen
        case .enter where !request.reasons.isEmpty: return send(request)
        case .enter:
            notice = .init(
                language.pick("请至少选择一项原因（按数字选择）", "Please choose at least one reason (press its number)"),
                kind: .problem)
            return []
        default:
            return isBack(input) ? goBack(to: .ratingChoice(number: request.number, code: request.code)) : []
        }
        guard let toggled, RatingReasons.all.indices.contains(toggled - 1) else { return [] }
        let id = RatingReasons.all[toggled - 1].id
        var next = request
        let chosen = request.reasons.contains(id) ? request.reasons.filter { $0 != id } : request.reasons + [id]
        next.reasons = RatingReasons.all.map(\.id).filter(chosen.contains)
        screen = .ratingReasons(next)
        return []
    }

    private mutating func send(_ request: RatingRequest) -> [ApplicantEffect] {
        show(.evaluating(number: request.number, rating: request.rating))
        return [.evaluate(request)]
    }
}
