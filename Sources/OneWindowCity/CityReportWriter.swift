import OneWindowCore

/// Writes the city report's JSON straight into bytes, in the fixed shape and the byte order of
/// `Response.encodeJSON` (keys sorted by their UTF-8 bytes, no spaces, nil as null, a double as
/// its `description` without a trailing ".0"): JSONEncoder wrote about 10 MB/s here, and a year
/// across 200 halls is 9 MB. The keys of each object are written in sorted order by hand;
/// `CityReportWriterTests` holds the bytes equal to JSONEncoder's.
struct CityReportWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func hall(_ hall: CityReport.Hall) {
        report(hall.report) {
            $0.key("hallId", first: false)
            $0.string(hall.hallId)
            $0.key("name", first: false)
            $0.string(hall.name)
        }
    }

    /// A `MetricsReport`; `afterFrom` writes the keys a hall adds between "from" and "noShows".
    mutating func report(_ report: MetricsReport, afterFrom: (inout CityReportWriter) -> Void = { _ in }) {
        bytes.append(UInt8(ascii: "{"))
        key("bookings", first: true)
        bookings(report.bookings)
        metrics(
            report.metrics,
            afterFirstVisits: {
                $0.key("from", first: false)
                $0.string(report.from)
                afterFrom(&$0)
            },
            afterSatisfaction: {
                $0.key("serviceId", first: false)
                $0.string(report.serviceId)
            },
            afterServiceSeconds: {
                $0.key("services", first: false)
                $0.array(report.services) { $0.service($1) }
            },
            afterTicketsIssued: {
                $0.key("to", first: false)
                $0.string(report.to)
            })
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func service(_ service: MetricsReport.Service) {
        bytes.append(UInt8(ascii: "{"))
        key("bookings", first: true)
        bookings(service.bookings)
        metrics(
            service.metrics,
            afterFirstVisits: {
                $0.key("mostMissedMaterials", first: false)
                $0.array(service.mostMissedMaterials) { writer, material in
                    writer.bytes.append(UInt8(ascii: "{"))
                    writer.key("count", first: true)
                    writer.int(material.count)
                    writer.key("materialId", first: false)
                    writer.string(material.materialId)
                    writer.key("name", first: false)
                    writer.string(material.name)
                    writer.bytes.append(UInt8(ascii: "}"))
                }
            },
            afterSatisfaction: {
                $0.key("serviceId", first: false)
                $0.string(service.serviceId)
                $0.key("serviceName", first: false)
                $0.string(service.serviceName)
            },
            afterServiceSeconds: { _ in }, afterTicketsIssued: { _ in })
        bytes.append(UInt8(ascii: "}"))
    }

    /// The fields of `HallMetrics` (after an object's first key), with the owner's own keys
    /// written where they fall in the sorted order.
    mutating func metrics(
        _ metrics: HallMetrics, afterFirstVisits: (inout Self) -> Void, afterSatisfaction: (inout Self) -> Void,
        afterServiceSeconds: (inout Self) -> Void, afterTicketsIssued: (inout Self) -> Void
    ) {
        field("casesCancelled", metrics.casesCancelled)
        field("casesClosed", metrics.casesClosed)
        field("casesOpen", metrics.casesOpen)
        key("channels", first: false)
        dictionary(metrics.channels) { writer, figures in
            writer.bytes.append(UInt8(ascii: "{"))
            writer.key("ticketsIssued", first: true)
            writer.int(figures.ticketsIssued)
            writer.key("waitSeconds", first: false)
            writer.distribution(figures.waitSeconds)
            writer.bytes.append(UInt8(ascii: "}"))
        }
        field("closedCasesOneVisitRate", metrics.closedCasesOneVisitRate)
        key("cohort", first: false)
        cohort(metrics.cohort)
        field("expired", metrics.expired)
        field("firstVisitResolutionRate", metrics.firstVisitResolutionRate)
        field("firstVisitResolved", metrics.firstVisitResolved)
        field("firstVisits", metrics.firstVisits)
        afterFirstVisits(&self)
        field("noShows", metrics.noShows)
        key("satisfaction", first: false)
        satisfaction(metrics.satisfaction)
        afterSatisfaction(&self)
        key("serviceSeconds", first: false)
        bytes.append(UInt8(ascii: "{"))
        key("mean", first: true)
        double(metrics.serviceSeconds.mean)
        field("median", metrics.serviceSeconds.median)
        bytes.append(UInt8(ascii: "}"))
        afterServiceSeconds(&self)
        field("ticketsIssued", metrics.ticketsIssued)
        afterTicketsIssued(&self)
        field("visitPromiseRate", metrics.visitPromiseRate)
        field("visitsPerClosedCase", metrics.visitsPerClosedCase)
        field("visitsServed", metrics.visitsServed)
        key("waitSeconds", first: false)
        distribution(metrics.waitSeconds)
    }
}
