import Fluent
import GongzhiCore
import Vapor

/// JointBodies' JSON handlers: decode, call the service or query with `req.caller`, answer.
enum JointBodiesAPI {
    struct Created: Content {
        let id: Int
    }

    static func register(_ api: RoutesBuilder) {
        api.get(JointBodiesRoute.apiBodies, use: list)
        api.post(JointBodiesRoute.apiBodies, use: create)
        api.get(JointBodiesRoute.apiBody(.key), use: show)
        api.post(JointBodiesRoute.apiMembers(.key), use: addMember)
        api.post(JointBodiesRoute.apiEndMember(.key, .key), use: endMember)
        api.post(JointBodiesRoute.apiSeats(.key), use: appoint)
        api.post(JointBodiesRoute.apiEndSeat(.key, .key), use: endSeat)
        api.post(JointBodiesRoute.apiCrossSeats(.key), use: crossAppoint)
        api.post(JointBodiesRoute.apiDocuments(.key), use: addDocument)
    }

    /// `?asOf=` a day (default today).
    static func asOf(_ req: Request) throws -> LocalDate {
        try req.queryDay("asOf") ?? req.clock.today
    }

    static func kind(_ req: Request) throws -> JointBodyKind? {
        guard let raw = req.query[String.self, at: "kind"], !raw.isEmpty else { return nil }
        guard let k = JointBodyKind(rawValue: raw) else { throw AppError.badRequest(.errorJointBodyKind, args: [raw]) }
        return k
    }

    @Sendable static func list(_ req: Request) async throws -> Paged<JointBodySummary> {
        try await JointBodySummary.query(
            req.caller, kind: try kind(req), on: try asOf(req), page: try req.pageRequest())
    }

    @Sendable static func show(_ req: Request) async throws -> JointBodyDetail {
        try await JointBodyDetail.query(try req.intParameter("id"), asOf: try asOf(req), req.caller)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let b = try await JointBodiesService.createBody(
            req.caller, try req.decodeStrict(JointBodiesService.BodyInput.self))
        return try await detail(b.id!, req)
    }

    @Sendable static func addMember(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(JointBodiesService.MemberInput.self)
        _ = try await JointBodiesService.addMember(req.caller, bodyID: id, input)
        return try await detail(id, req)
    }

    @Sendable static func endMember(_ req: Request) async throws -> JointBodyDetail {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(JointBodiesService.EndInput.self)
        _ = try await JointBodiesService.endMember(
            req.caller, bodyID: id, memberID: try req.intParameter("memberId"), input)
        return try await JointBodyDetail.query(id, asOf: req.clock.today, req.caller)
    }

    @Sendable static func appoint(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await JointBodiesService.appoint(
            req.caller, bodyID: id, try req.decodeStrict(JointBodiesService.SeatInput.self))
        return try await detail(id, req)
    }

    @Sendable static func endSeat(_ req: Request) async throws -> JointBodyDetail {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(JointBodiesService.EndInput.self)
        _ = try await JointBodiesService.endSeat(req.caller, bodyID: id, seatID: try req.intParameter("seatId"), input)
        return try await JointBodyDetail.query(id, asOf: req.clock.today, req.caller)
    }

    @Sendable static func crossAppoint(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(JointBodiesService.CrossSeatInput.self)
        _ = try await JointBodiesService.crossAppoint(req.caller, bodyID: id, input)
        return try await detail(id, req)
    }

    @Sendable static func addDocument(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(JointBodiesService.DocumentInput.self)
        _ = try await JointBodiesService.addDocument(req.caller, bodyID: id, input)
        return try await detail(id, req)
    }

    /// 201 with the body as it now stands.
    private static func detail(_ id: Int, _ req: Request) async throws -> Response {
        try await JointBodyDetail.query(id, asOf: req.clock.today, req.caller).encodeResponse(
            status: .created, for: req)
    }
}
