extension EvaluationRecord {
    enum CodingKeys: String, CodingKey {
        case schema, topic, caseId, serviceId, serviceCode, serviceName, window, terminal, ticketNumber, hallDay
        case evaluationId, channel, rating, level, evaluatedAt, reasons, comment
        case followUpState, followUpStateName, rectifyBy, progressNote, rectification, rectifiedAt
        case visitBackResult, visitedBackAt, caseFacts = "case"
    }

    /// Written out field by field so that an unknown value is `null`, never a missing key: a
    /// receiver's schema can then require every field.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(topic, forKey: .topic)
        try container.encode(caseId, forKey: .caseId)
        try container.encode(serviceId, forKey: .serviceId)
        try container.encode(serviceCode, forKey: .serviceCode)
        try container.encode(serviceName, forKey: .serviceName)
        try container.encode(window, forKey: .window)
        try container.encode(terminal, forKey: .terminal)
        try container.encode(ticketNumber, forKey: .ticketNumber)
        try container.encode(hallDay, forKey: .hallDay)
        try container.encode(evaluationId, forKey: .evaluationId)
        try container.encode(channel, forKey: .channel)
        try container.encode(rating, forKey: .rating)
        try container.encode(level, forKey: .level)
        try container.encode(evaluatedAt, forKey: .evaluatedAt)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(comment, forKey: .comment)
        try container.encode(followUpState, forKey: .followUpState)
        try container.encode(followUpStateName, forKey: .followUpStateName)
        try container.encode(rectifyBy, forKey: .rectifyBy)
        try container.encode(progressNote, forKey: .progressNote)
        try container.encode(rectification, forKey: .rectification)
        try container.encode(rectifiedAt, forKey: .rectifiedAt)
        try container.encode(visitBackResult, forKey: .visitBackResult)
        try container.encode(visitedBackAt, forKey: .visitedBackAt)
        try container.encode(caseFacts, forKey: .caseFacts)
    }
}
