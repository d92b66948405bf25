extension PinyinTable {
    /// By hand: every reading of common polyphones (多音字), the usual one first; `Pinyin` adds
    /// them after the generated one, because ICU reads 地名 as “de ming” and 银行 as “yin xing”.
    static let polyphones: [Character: [String]] = {
        let entries = """
            地di/de 长chang/zhang 行xing/hang 重zhong/chong 会hui/kuai 了le/liao 单dan/shan 解jie/xie 调diao/tiao
            和he/huo/hu 查cha/zha 系xi/ji 发fa 给gei/ji 藏cang/zang 还hai/huan 传chuan/zhuan 差cha/chai/ci
            便bian/pian 率lv/lu/shuai 属shu/zhu 省sheng/xing 曾ceng/zeng 朝chao/zhao 乐le/yue 校xiao/jiao 处chu
            """
        var table: [Character: [String]] = [:]
        for entry in entries.split(whereSeparator: \.isWhitespace) {
            guard let character = entry.first else { continue }
            table[character] = entry.dropFirst().split(separator: "/").map(String.init)
        }
        return table
    }()
}
