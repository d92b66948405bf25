extension MetricsBook {
    /// The bad reviews made from `from` to `to` (hall days, inclusive), counted per service as
    /// they stand on `today`: one pass over the book's, nothing copied.
    public func badReviewCounts(from: String, to: String, today: String) -> BadReviewCounts {
        var counts = BadReviewCounts()
        for review in badReviews.values where review.hallDay >= from && review.hallDay <= to {
            counts.count(serviceId: review.serviceId, due: review.due, rectifiedOn: review.rectifiedOn, today: today)
        }
        return counts
    }
}
