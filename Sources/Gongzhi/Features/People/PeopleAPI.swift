import Fluent
import Vapor

enum PeopleAPI {
    struct Page: Content {
        let items: [PersonOut]
        let total: Int
        let page: Int
        let pageSize: Int
    }

    static func register(_ api: RoutesBuilder) {
        api.get(PeopleRoute.apiList, use: list)
        api.post(PeopleRoute.apiList, use: create)
        api.get(PeopleRoute.apiExport, use: PeopleExport.csv)
        api.post(PeopleRoute.apiImportPreview, body: .collect(maxSize: "10mb"), use: PeopleImport.previewAPI)
        api.post(PeopleRoute.apiImportCommit(batch: .key), use: PeopleImport.commitAPI)
        api.get(PeopleRoute.apiPerson(.key), use: show)
        api.patch(PeopleRoute.apiPerson(.key), use: update)
        api.post(PeopleRoute.apiArchive(.key), use: archive)
        api.get(PeopleRoute.apiUnmasked(.key), use: unmasked)
    }

    static func out(_ people: [Person], _ caller: Caller, masked: Bool = true) async throws -> [PersonOut] {
        let names = try await PeopleService.nodeNames(people, on: caller.db)
        return people.map { PersonOut($0, masked: masked, nodeName: names[$0.orgNodeID]) }
    }

    @Sendable static func list(_ req: Request) async throws -> Page {
        let f = try PeopleService.ListFilter.parse(req)
        let (people, total) = try await PeopleService.list(req.caller, f)
        return Page(
            items: try await out(people, req.caller), total: total, page: f.page, pageSize: PeopleService.pageSize)
    }

    @Sendable static func show(_ req: Request) async throws -> PersonOut {
        let p = try await PeopleService.find(try req.intParameter("id"), req.caller)
        return try await out([p], req.caller)[0]
    }

    @Sendable static func unmasked(_ req: Request) async throws -> PersonOut {
        let p = try await PeopleService.unmasked(req.caller, id: try req.intParameter("id"))
        return try await out([p], req.caller, masked: false)[0]
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let p = try await PeopleService.create(req.caller, try req.decodeStrict(PersonInput.self))
        return try await out([p], req.caller)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(_ req: Request) async throws -> PersonOut {
        let id = try req.intParameter("id")
        let p = try await PeopleService.update(req.caller, id: id, try req.decodeStrict(PersonInput.self))
        return try await out([p], req.caller)[0]
    }

    @Sendable static func archive(_ req: Request) async throws -> PersonOut {
        let p = try await PeopleService.archive(req.caller, id: try req.intParameter("id"))
        return try await out([p], req.caller)[0]
    }
}
