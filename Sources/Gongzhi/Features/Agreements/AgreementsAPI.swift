import Fluent
import GongzhiCore
import Vapor

/// Agreements' JSON handlers: decode, call the service with `req.caller`, answer the agreement as it now stands.
enum AgreementsAPI {
    typealias S = AgreementsService

    static func register(_ api: RoutesBuilder) {
        api.get(AgreementsRoute.apiAgreements, use: list)
        api.post(AgreementsRoute.apiAgreements, use: create)
        api.get(AgreementsRoute.apiAgreement(.key), use: show)
        api.post(AgreementsRoute.apiCommitments(.key), use: addCommitment)
        api.post(AgreementsRoute.apiProjects(.key), use: addProject)
        api.post(AgreementsRoute.apiDeliver(.key, .key), use: deliver)
        api.post(AgreementsRoute.apiSign(.key), use: sign)
        api.post(AgreementsRoute.apiEnd(.key), use: end)
        api.post(AgreementsRoute.apiRenew(.key), use: renew)
        api.post(AgreementsRoute.apiReviews(.key), use: review)
    }

    static func year(_ req: Request) throws -> Int {
        try req.queryInt("year", in: 2000...2100) ?? req.clock.today.year
    }

    static func state(_ req: Request) throws -> AgreementState? {
        try req.queryValue("state", AgreementState.self)
    }

    @Sendable static func list(_ req: Request) async throws -> Paged<AgreementSummary> {
        try await AgreementSummary.query(req.caller, state: try state(req), page: try req.pageRequest())
    }

    @Sendable static func show(_ req: Request) async throws -> AgreementDetail {
        try await AgreementDetail.query(try req.intParameter("id"), year: try year(req), req.caller)
    }

    private static func answer(_ id: Int, _ req: Request, status: HTTPStatus = .ok) async throws -> Response {
        try await AgreementDetail.query(id, year: req.clock.today.year, req.caller)
            .encodeResponse(status: status, for: req)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let a = try await S.create(req.caller, try req.decodeStrict(S.AgreementInput.self))
        return try await answer(a.id!, req, status: .created)
    }

    @Sendable static func addCommitment(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await S.addCommitment(req.caller, agreementID: id, try req.decodeStrict(S.CommitmentInput.self))
        return try await answer(id, req, status: .created)
    }

    @Sendable static func addProject(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await S.addProject(req.caller, agreementID: id, try req.decodeStrict(S.ProjectInput.self))
        return try await answer(id, req, status: .created)
    }

    @Sendable static func deliver(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(S.DayInput.self)
        try await S.deliver(req.caller, agreementID: id, projectID: try req.intParameter("projectId"), input)
        return try await answer(id, req)
    }

    @Sendable static func sign(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        try await S.sign(req.caller, agreementID: id, try req.decodeStrict(S.DayInput.self))
        return try await answer(id, req)
    }

    @Sendable static func end(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        try await S.end(req.caller, agreementID: id, try req.decodeStrict(S.DayInput.self))
        return try await answer(id, req)
    }

    @Sendable static func renew(_ req: Request) async throws -> Response {
        let a = try await S.renew(req.caller, agreementID: try req.intParameter("id"))
        return try await answer(a.id!, req, status: .created)
    }

    @Sendable static func review(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await S.review(req.caller, agreementID: id, try req.decodeStrict(S.ReviewInput.self))
        return try await answer(id, req, status: .created)
    }
}
