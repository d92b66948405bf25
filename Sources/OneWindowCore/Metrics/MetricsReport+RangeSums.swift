/// The report from a range's sums as the city keeps them (`RollupRangeSum`: a hall's, or all
/// halls' added in place), read straight from their histograms. Turning each sum into
/// dictionaries (`totals`) and back for the report, and again for the city's total
/// (`DayStats.adding`), was most of a year's city query after its rows were read.
extension MetricsReport {
    /// - Parameters:
    ///   - sums: per service, the range's figures.
    ///   - open: per service, the cases open at the end of `sums.to`.
    ///   - badReviews: the counts of the bad reviews made in the range (of `serviceId` alone if
    ///     given), as they stand on the day of the report.
    ///   - catalogue: names the services and materials, and lists services without figures;
    ///     nil lists only the services that have figures, named by id.
    public init(
        sums: RollupRangeSum, serviceId: String?, open: [String: Int], badReviews: BadReviewCounts,
        catalogue: Catalogue?
    ) {
        self.init(
            from: sums.from, to: sums.to, serviceId: serviceId, serviceIds: sums.serviceIds,
            sum: { sums.rangeSum(of: $0) }, open: open, badReviews: badReviews, catalogue: catalogue)
    }
}
