/// The checks within one service item that span its fields.
extension CatalogueRules {
    /// A material id is `m` and a number without leading zero (`m1`, `m12`); short, since a
    /// clerk may type it when naming a missing material.
    static func isValidMaterialId(_ id: String) -> Bool {
        let digits = id.unicodeScalars.dropFirst()
        return id.unicodeScalars.first == "m" && (1...4).contains(digits.count) && digits.first != "0"
            && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// 实施编码 as the national list prints it: ASCII letters and digits.
    static func isValidCode(_ code: String) -> Bool {
        (4...64).contains(code.unicodeScalars.count) && code.unicodeScalars.allSatisfy(isASCIIAlphanumeric)
    }

    static func checkService(_ item: ServiceItem, at path: JSONPath, log: IssueLog) {
        if !isValidId(item.id) {
            log.report(
                path.appending(key: "id"),
                "“\(item.id)” is not a valid id: use 2–40 letters, digits and dashes, starting with a letter or digit")
        }
        if let code = item.code, !isValidCode(code) {
            log.report(
                path.appending(key: "code"), "“\(code)” is not an implementation code: use 4–64 letters and digits")
        }
        if !isValidPrefix(item.queuePrefix) {
            log.report(
                path.appending(key: "queuePrefix"), "must be one capital letter A–Z, found “\(item.queuePrefix)”")
        }
        if let statutory = item.timeLimit.statutoryDays, let promised = item.timeLimit.promisedDays,
            promised > statutory
        {
            log.report(
                path.appending(key: "timeLimit").appending(key: "promisedDays"),
                "promised limit (\(promised) days) exceeds the statutory limit (\(statutory) days)")
        }
        checkChannels(item, at: path, log: log)
        checkMaterials(item.materials, at: path.appending(key: "materials"), log: log)
    }

    /// CJK ideographs (the unified block and extension A), CJK punctuation and the full-width
    /// forms (（）、，…): what a Chinese name pasted into an English field brings along.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    private static func checkMaterials(_ materials: [Material], at path: JSONPath, log: IssueLog) {
        var seen: [String: Int] = [:]
        for (index, material) in materials.enumerated() {
            let materialPath = path.appending(index: index)
            let idPath = materialPath.appending(key: "id")
            if !isValidMaterialId(material.id) {
                log.report(idPath, "“\(material.id)” is not a valid material id: use m and a number, e.g. m1")
            } else if let first = seen[material.id] {
                log.report(idPath, "duplicate material id “\(material.id)”, already used by materials[\(first)]")
            } else {
                seen[material.id] = index
            }
            if let nameEn = material.nameEn, nameEn.unicodeScalars.contains(where: isHan) {
                // The English reader sees it instead of the Chinese name: a pasted Chinese name
                // would say nothing to them, and the Chinese is on the line anyway.
                log.report(
                    materialPath.appending(key: "nameEn"),
                    "nameEn is the English name: found Chinese characters in “\(nameEn)”; the Chinese name goes in name"
                )
            }
            if material.waivable && material.obtainedByHall {
                log.report(
                    materialPath.appending(key: "waivable"),
                    "a material the hall obtains itself (obtainedByHall) is never brought, so it cannot be waived")
            }
        }
    }
}
