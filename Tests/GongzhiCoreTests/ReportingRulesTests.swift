import Testing

@testable import GongzhiCore

@Suite("F5 reporting funnel and rules")
struct ReportingRulesTests {
    static let today = LocalDate("2026-06-30")!
    static func day(_ back: Int) -> LocalDate { today.adding(days: -back) }

    typealias F = ReportingFunnel

    @Test func eachStageIsASubsetOfTheOneBefore() {
        let reports = [
            F.Report(id: 1, communityID: 10, reportedOn: Self.day(300), endedOn: nil),
            F.Report(id: 2, communityID: 10, reportedOn: Self.day(200), endedOn: nil),
            F.Report(id: 3, communityID: 10, reportedOn: Self.day(100), endedOn: nil),
            F.Report(id: 4, communityID: 20, reportedOn: Self.day(50), endedOn: nil),
        ]
        let claims = [
            F.Claim(reportID: 1, claimedOn: Self.day(290), endedOn: nil),
            F.Claim(reportID: 2, claimedOn: Self.day(190), endedOn: nil),
            // A service without a post does not make report 4 served: it holds no post.
        ]
        let services = [
            F.Service(reportID: 1, servedOn: Self.day(10), verified: true),
            F.Service(reportID: 2, servedOn: Self.day(150), verified: true),
            F.Service(reportID: 3, servedOn: Self.day(5), verified: true),
            F.Service(reportID: 4, servedOn: Self.day(5), verified: true),
        ]
        let s = F.stages(reports: reports, claims: claims, services: services, today: Self.today)
        #expect(s[10]?.reported == [1, 2, 3])
        #expect(s[10]?.claimed == [1, 2])
        #expect(s[10]?.served == [1, 2])
        #expect(s[10]?.active == [1])
        #expect(s[20]?.reported == [4] && s[20]?.claimed == [] && s[20]?.active == [])
        let street = (s[10] ?? .init()) + (s[20] ?? .init())
        #expect(street.count(.reported) == 4 && street.count(.claimed) == 2 && street.count(.active) == 1)
        #expect(F.rate(s[10]!, .claimed) == 66.7)
        #expect(F.rate(s[10]!, .reported) == nil)
    }

    @Test func theNinetyDayEdge() {
        let reports = [F.Report(id: 1, communityID: 10, reportedOn: Self.day(400), endedOn: nil)]
        let claims = [F.Claim(reportID: 1, claimedOn: Self.day(400), endedOn: nil)]
        func active(_ back: Int) -> Bool {
            let services = [F.Service(reportID: 1, servedOn: Self.day(back), verified: true)]
            return F.stages(reports: reports, claims: claims, services: services, today: Self.today)[10]?.active
                == [1]
        }
        #expect(active(0))
        #expect(active(89))
        #expect(!active(90))
        #expect(!active(-1), "a service in the future counts for nothing")
        #expect(F.isRecent(Self.day(89), today: Self.today) && !F.isRecent(Self.day(90), today: Self.today))
    }

    @Test func endedReportsAndTheirEventsDoNotCount() {
        let reports = [
            F.Report(id: 1, communityID: 10, reportedOn: Self.day(300), endedOn: Self.day(20)),
            F.Report(id: 2, communityID: 11, reportedOn: Self.day(20), endedOn: nil),
            // Ended today: no longer counts today.
            F.Report(id: 3, communityID: 10, reportedOn: Self.day(300), endedOn: Self.today),
            // Reported tomorrow: not yet.
            F.Report(id: 4, communityID: 10, reportedOn: Self.day(-1), endedOn: nil),
        ]
        let claims = [
            F.Claim(reportID: 1, claimedOn: Self.day(290), endedOn: nil),
            F.Claim(reportID: 2, claimedOn: Self.day(10), endedOn: Self.day(1)),
        ]
        let services = [
            F.Service(reportID: 1, servedOn: Self.day(30), verified: true),
            F.Service(reportID: 2, servedOn: Self.day(5), verified: true),
        ]
        let s = F.stages(reports: reports, claims: claims, services: services, today: Self.today)
        #expect(s[10] == nil, "the old community counts none of the transferred member's events")
        #expect(s[11]?.reported == [2])
        #expect(s[11]?.claimed == [], "an ended claim is no post held")
        #expect(s[11]?.served == [])
    }

    @Test func onlyVerifiedServicesCount() {
        let reports = [F.Report(id: 1, communityID: 10, reportedOn: Self.day(30), endedOn: nil)]
        let claims = [F.Claim(reportID: 1, claimedOn: Self.day(30), endedOn: nil)]
        let unverified = [F.Service(reportID: 1, servedOn: Self.day(3), verified: false)]
        let s = F.stages(reports: reports, claims: claims, services: unverified, today: Self.today)
        #expect(s[10]?.claimed == [1] && s[10]?.served == [] && s[10]?.active == [])
    }

    @Test func serviceAndClaimRules() {
        let t = Self.today
        #expect(throws: ReportingRules.Problem.hoursNotPositive) {
            try ReportingRules.checkService(hours: 0, on: t, today: t, reportedOn: Self.day(10))
        }
        #expect(throws: ReportingRules.Problem.hoursNotPositive) {
            try ReportingRules.checkService(hours: .nan, on: t, today: t, reportedOn: Self.day(10))
        }
        #expect(throws: ReportingRules.Problem.hoursTooMany) {
            try ReportingRules.checkService(hours: 24.5, on: t, today: t, reportedOn: Self.day(10))
        }
        #expect(throws: ReportingRules.Problem.serviceInFuture) {
            try ReportingRules.checkService(hours: 2, on: Self.day(-1), today: t, reportedOn: Self.day(10))
        }
        #expect(throws: ReportingRules.Problem.serviceBeforeReport) {
            try ReportingRules.checkService(hours: 2, on: Self.day(11), today: t, reportedOn: Self.day(10))
        }
        #expect(throws: Never.self) {
            try ReportingRules.checkService(hours: 24, on: t, today: t, reportedOn: t)
        }
        #expect(throws: ReportingRules.Problem.postFull) { try ReportingRules.checkClaim(capacity: 2, held: 2) }
        #expect(throws: Never.self) { try ReportingRules.checkClaim(capacity: 2, held: 1) }
        #expect(throws: ReportingRules.Problem.capacityInvalid) { try ReportingRules.checkCapacity(0) }
        #expect(throws: ReportingRules.Problem.roundDates) {
            try ReportingRules.checkRound(opens: t, closes: Self.day(1))
        }
    }
}
