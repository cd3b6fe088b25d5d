import Fluent
import GongzhiCore
import Vapor

/// Reporting's JSON handlers: decode, call the service or list with `req.caller`, answer.
enum ReportingAPI {
    static func register(_ api: RoutesBuilder) {
        api.get(ReportingRoute.apiUnitReports, use: unitReports)
        api.post(ReportingRoute.apiUnitReports, use: createUnitReport)
        api.post(ReportingRoute.apiUnitReportEnd(.key), use: endUnitReport)
        api.get(ReportingRoute.apiUnitReportsExport, use: ReportingExport.unitReports)
        api.get(ReportingRoute.apiMemberReports, use: memberReports)
        api.post(ReportingRoute.apiMemberReports, use: createMemberReport)
        api.post(ReportingRoute.apiMemberReportEnd(.key), use: endMemberReport)
        api.get(ReportingRoute.apiMemberReportsExport, use: ReportingExport.memberReports)
        api.get(ReportingRoute.apiPosts, use: posts)
        api.post(ReportingRoute.apiPosts, use: createPost)
        api.post(ReportingRoute.apiPostClaim(.key), use: claim)
        api.get(ReportingRoute.apiServices, use: services)
        api.post(ReportingRoute.apiServices, use: recordService)
        api.post(ReportingRoute.apiServiceVerify(.key), use: verify)
        api.post(ReportingRoute.apiServiceReject(.key), use: reject)
        api.get(ReportingRoute.apiFunnel, use: funnel)
    }

    static func communityID(_ req: Request) throws -> Int? {
        try FormNumber.int(req.query[String.self, at: "communityId"], field: "communityId")
    }

    /// A body that may be empty (a step without options).
    static func optionalBody<T: StrictInput>(_ req: Request, _ empty: T) throws -> T {
        guard let body = req.body.data, body.readableBytes > 0 else { return empty }
        return try req.decodeStrict(T.self)
    }

    @Sendable static func unitReports(_ req: Request) async throws -> Paged<ReportingLists.UnitReportOut> {
        try await ReportingLists.unitReports(
            req.caller, communityID: try communityID(req), page: try req.pageRequest())
    }

    @Sendable static func createUnitReport(_ req: Request) async throws -> Response {
        let r = try await ReportingService.createUnitReport(
            req.caller, try req.decodeStrict(ReportingService.UnitReportInput.self))
        return try await ReportingLists.unitOut([r], req.caller)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func endUnitReport(_ req: Request) async throws -> ReportingLists.UnitReportOut {
        let id = try req.intParameter("id")
        let r = try await ReportingService.endUnitReport(
            req.caller, id: id, try req.decodeStrict(ReportingService.EndInput.self))
        return try await ReportingLists.unitOut([r], req.caller)[0]
    }

    @Sendable static func memberReports(_ req: Request) async throws -> Paged<ReportingLists.MemberReportOut> {
        let stage = try req.query[String.self, at: "stage"].map { raw in
            guard let s = ReportingFunnel.Stage(rawValue: raw) else { throw AppError.badRequest(.errorEnum) }
            return s
        }
        return try await ReportingLists.memberReports(
            req.caller, communityID: try communityID(req), stage: stage, page: try req.pageRequest())
    }

    @Sendable static func createMemberReport(_ req: Request) async throws -> Response {
        let r = try await ReportingService.createMemberReport(
            req.caller, try req.decodeStrict(ReportingService.MemberReportInput.self))
        return try await ReportingLists.memberOut([r], req.caller)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func endMemberReport(_ req: Request) async throws -> ReportingLists.MemberReportOut {
        let id = try req.intParameter("id")
        let r = try await ReportingService.endMemberReport(
            req.caller, id: id, try req.decodeStrict(ReportingService.EndInput.self))
        return try await ReportingLists.memberOut([r], req.caller)[0]
    }

    @Sendable static func posts(_ req: Request) async throws -> Paged<ReportingLists.PostOut> {
        try await ReportingLists.posts(req.caller, communityID: try communityID(req), page: try req.pageRequest())
    }

    @Sendable static func createPost(_ req: Request) async throws -> Response {
        let p = try await ReportingService.createPost(
            req.caller, try req.decodeStrict(ReportingService.PostInput.self))
        return try await ReportingLists.postOut([p], req.caller)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func claim(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try optionalBody(req, ReportingService.ClaimInput())
        let c = try await ReportingService.claim(req.caller, postID: id, input)
        return try await ReportingLists.ClaimOut(
            id: c.id!, postID: c.postID, memberReportID: c.memberReportID, unitReportID: c.unitReportID,
            claimedOn: c.claimedOn, endedOn: c.endedOn
        ).encodeResponse(status: .created, for: req)
    }

    @Sendable static func services(_ req: Request) async throws -> Paged<ReportingLists.ServiceOut> {
        try await ReportingLists.services(
            req.caller, communityID: try communityID(req), verified: try req.flag("verified"),
            page: try req.pageRequest())
    }

    @Sendable static func recordService(_ req: Request) async throws -> Response {
        let s = try await ReportingService.recordService(
            req.caller, try req.decodeStrict(ReportingService.ServiceInput.self))
        return try await ReportingLists.serviceOut([s], req.caller)[0].encodeResponse(status: .created, for: req)
    }

    struct RejectInput: StrictInput {
        static let fields: Set<String> = ["reason"]
        var reason: String?
    }

    @Sendable static func reject(_ req: Request) async throws -> ReportingLists.ServiceOut {
        let input = try req.decodeStrict(RejectInput.self)
        let s = try await ReportingService.reject(req.caller, id: try req.intParameter("id"), reason: input.reason)
        return try await ReportingLists.serviceOut([s], req.caller)[0]
    }

    @Sendable static func verify(_ req: Request) async throws -> ReportingLists.ServiceOut {
        let s = try await ReportingService.verify(req.caller, id: try req.intParameter("id"))
        return try await ReportingLists.serviceOut([s], req.caller)[0]
    }

    @Sendable static func funnel(_ req: Request) async throws -> ReportingLists.FunnelOut {
        let nodeID = try FormNumber.int(req.query[String.self, at: "nodeId"], field: "nodeId")
        return try await ReportingLists.funnel(req.caller, nodeID: nodeID)
    }
}

/// Unit and member reports as CSV that Excel opens: phones masked unless the caller may unmask and asks
/// (`unmasked=true`), and then the export is logged.
enum ReportingExport {
    static func unmasked(_ req: Request, _ v: Viewer, _ what: String, rows: Int) async throws -> Bool {
        guard try req.flag("unmasked") ?? false else { return false }
        guard v.can(.unmaskPersonalData) else { throw await req.forbidden("unmasked \(what) export") }
        await AccessLog.write(req.caller, .unmaskedRead, detail: "\(what) export, \(rows) rows")
        return true
    }

    @Sendable static func unitReports(_ req: Request) async throws -> Response {
        let v = try await req.require(.exportData)
        let reports = try await ReportingLists.unitReports(
            req.caller, communityID: try ReportingAPI.communityID(req)
        ).rows
        let clear = try await unmasked(req, v, "unit reports", rows: reports.count)
        let phones: [Int: String] =
            clear
            ? Dictionary(
                uniqueKeysWithValues: try await UnitReport.query(on: req.db).filter(\.$id ~~ reports.map(\.id)).all()
                    .map { ($0.id!, $0.liaisonPhone) }) : [:]
        let lang = req.lang
        let header: [Text] = [
            .reportingUnit, .reportingCommunity, .reportingLiaison, .columnPhone, .reportingOffers, .reportingTakesOn,
            .reportingReportedOn, .reportingEndedOn, .reportingEndReason,
        ]
        let rows = reports.map { r in
            [
                r.unitName, r.communityName, r.liaisonName, phones[r.id] ?? r.liaisonPhone, r.offers, r.takesOn,
                r.reportedOn, r.endedOn ?? "", r.endReason ?? "",
            ]
        }
        return CSVResponse.make(fileName: "unit-reports.csv", header: header.map { lang.t($0) }, rows: rows)
    }

    @Sendable static func memberReports(_ req: Request) async throws -> Response {
        let v = try await req.require(.exportData)
        let reports = try await ReportingLists.memberReports(
            req.caller, communityID: try ReportingAPI.communityID(req)
        ).rows
        let clear = try await unmasked(req, v, "member reports", rows: reports.count)
        let people = clear ? try await PeopleQueries.reportingPeople(reports.map(\.personID), on: req.db) : [:]
        let lang = req.lang
        let header: [Text] = [
            .columnName, .columnPhone, .reportingCommunity, .columnEmployer, .reportingShowIdentity,
            .reportingReportedOn, .reportingEndedOn, .reportingEndReason,
        ]
        let rows = reports.map { r in
            [
                r.name, (clear ? people[r.personID]?.phone : r.phone) ?? "", r.communityName, r.employer,
                r.showIdentity ? lang.t(.commonYes) : lang.t(.commonNo), r.reportedOn, r.endedOn ?? "",
                r.endReason ?? "",
            ]
        }
        return CSVResponse.make(fileName: "member-reports.csv", header: header.map { lang.t($0) }, rows: rows)
    }
}
