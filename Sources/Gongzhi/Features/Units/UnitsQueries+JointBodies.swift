import Fluent
import GongzhiCore
import Vapor

/// What JointBodies reads from Units: the units a body may take in or seat people for.
extension UnitsQueries {
    struct BodyUnit: Sendable {
        let id: Int
        let name: String
        let kind: UnitKind
        let path: String
        let partyOrgNodeID: Int?
        let at: Coordinate?
    }

    static func bodyUnit(_ u: ResidentUnit) -> BodyUnit {
        BodyUnit(
            id: u.id!, name: u.name, kind: u.kind, path: u.path, partyOrgNodeID: u.partyOrgNodeID,
            at: u.lat.flatMap { lat in u.lng.map { Coordinate(lat: lat, lng: $0) } })
    }

    /// A unit a body on `bodyPath` may take in: one in the caller's scope, or one placed above the body (a
    /// district department sunk down to the community, the "X" of 1+N+X). Anything else, archived units included,
    /// answers the field's 422; an id outside the caller's reach is logged.
    static func bodyCandidate(_ id: Int, bodyPath: String, _ caller: Caller, field: String) async throws -> BodyUnit {
        let v = try caller.requireViewer()
        guard let u = try await ResidentUnit.find(id, on: caller.db), !u.archived else {
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
        guard v.scope.includes(TreePath(u.path)) || bodyPath.hasPrefix(u.path) else {
            await AccessLog.write(caller, .forbiddenChange, detail: "unit \(id) in \(field)", scopePath: u.path)
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
        return bodyUnit(u)
    }

    static func bodyUnits(_ ids: [Int], on db: any Database) async throws -> [Int: BodyUnit] {
        guard !ids.isEmpty else { return [:] }
        let units = try await ResidentUnit.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.id!, bodyUnit($0)) })
    }

    /// The units in the caller's scope or above `bodyPath`, not archived, by name: the form's choices.
    static func bodyCandidates(bodyPath: String, scope: DataScope, on db: any Database) async throws -> [BodyUnit] {
        let above = TreePath(bodyPath).ids.indices.map { i in
            "/" + TreePath(bodyPath).ids[...i].map(String.init).joined(separator: "/") + "/"
        }
        let inScope = try await ResidentUnit.query(on: db).inScope(scope, \.$path).filter(\.$archived == false).all()
        let aboveUnits = try await ResidentUnit.query(on: db).filter(\.$path ~~ above).filter(\.$archived == false)
            .all()
        var seen = Set<Int>()
        return (inScope + aboveUnits).filter { seen.insert($0.id!).inserted }.map(bodyUnit).sorted {
            ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name)
        }
    }
}

extension UnitsQueries {
    /// The units placed at these nodes, not archived, by id (the demo's member units).
    static func bodyUnits(locatedAt nodeIDs: [Int], on db: any Database) async throws -> [BodyUnit] {
        guard !nodeIDs.isEmpty else { return [] }
        return try await ResidentUnit.query(on: db).filter(\.$locationNodeID ~~ nodeIDs).filter(\.$archived == false)
            .sort(\.$id).all().map(bodyUnit)
    }
}
