import OneWindowKiosk
import Testing

@Suite("Display width of CJK and Latin text", .timeLimit(.minutes(2)))
struct DisplayWidthTests {
    @Test(
        "each character takes the columns a terminal gives it",
        arguments: [
            ("A", 1), ("1", 1), ("中", 2), ("号", 2), ("【", 2), ("】", 2), ("，", 2), ("（", 2), ("、", 2),
            ("。", 2), ("Ａ", 2), ("ア", 2), ("한", 2), ("─", 1), ("█", 1), ("·", 1), ("é", 1), ("→", 1), ("😀", 2),
            ("𠀀", 2), ("\u{3000}", 2),
        ] as [(Character, Int)])
    func character(_ character: Character, _ columns: Int) {
        #expect(DisplayWidth.of(character) == columns, "\(character)")
    }

    @Test("combining marks and control characters take no column")
    func zeroWidth() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x07)!) == 0)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
    }

    @Test("a line of mixed Chinese and Latin text measures the sum of its characters")
    func strings() {
        #expect(DisplayWidth.of("内地居民结婚登记") == 16)
        #expect(DisplayWidth.of("A012 号") == 7)
        #expect(DisplayWidth.of("办件号：C20261129-0007") == 22)
    }

    @Test("truncating never cuts a wide character in half and marks the cut")
    func truncate() {
        #expect(DisplayWidth.truncate("内地居民结婚登记", to: 7) == "内地居…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("内地居民结婚登记", to: 7)) == 7)
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.pad("中文", to: 6) == "中文  ")
    }

    @Test("wrapping breaks Chinese anywhere and Latin text at spaces, each line within the width")
    func wrap() {
        let chinese = DisplayWidth.wrap("本人无配偶以及与对方当事人没有直系血亲关系的签字声明", to: 20)
        #expect(chinese.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(chinese.joined() == "本人无配偶以及与对方当事人没有直系血亲关系的签字声明")
        let english = DisplayWidth.wrap("Bring your identity card and household register", to: 16)
        #expect(english.allSatisfy { DisplayWidth.of($0) <= 16 })
        #expect(english.first == "Bring your")
    }

    @Test("no wrapped line starts with closing punctuation or ends with opening punctuation")
    func punctuation() {
        let text = "· 【上次缺少】婚姻状况证明（原件和复印件 1 份，如有）"
        for width in 10...40 {
            let lines = DisplayWidth.wrap(text, to: width)
            let kept = lines.joined().replacingOccurrences(of: " ", with: "")
            #expect(kept == text.replacingOccurrences(of: " ", with: ""), "nothing lost at \(width): \(lines)")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines.dropFirst().allSatisfy { !["）", "、", "，"].contains($0.first) }, "\(width): \(lines)")
            #expect(lines.allSatisfy { !["（", "【"].contains($0.last) }, "\(width): \(lines)")
        }
        #expect(DisplayWidth.wrap("缺 残疾证、病历等特殊情况证明、婚姻状况证明", to: 16).allSatisfy { $0.first != "、" })
    }
}
