import Fluent
import Vapor

/// Who sees which requests, and who may do what with one.
enum RequestAccess {
    static let gridRoles: Set<Role> = [.gridWorker, .laneChief, .buildingChief, .buildingGroupLeader]
    static let communityRoles: Set<Role> = [.communityWorker, .communitySecretary]
    static let streetRoles: Set<Role> = [.streetStaff, .commandOperator]
    static let districtRoles: Set<Role> = [.orgDepartmentAdmin, .systemAdmin]

    /// Units a unit liaison answers for: those whose party organisation is the liaison's node.
    static func myUnitIDs(_ v: Viewer, on db: Database) async throws -> [Int] {
        try await UnitsQueries.liaisonUnitIDs(v, on: db)
    }

    /// The requests a viewer may see: residents their own; unit liaisons what is dispatched to their units;
    /// everyone else their subtree.
    static func scoped(_ v: Viewer, on db: Database) async throws -> QueryBuilder<ServiceRequest> {
        let q = ServiceRequest.query(on: db)
        if v.scope.isSelfOnly {
            // Their own requests, and the ones theirs were merged into, so every reporter follows the one request.
            let mergedInto = try await ServiceRequest.query(on: db).filter(\.$reporterUserID == v.user.id!).filter(
                \.$mergedIntoID != nil
            )
            .field(\.$id).field(\.$mergedIntoID).all().compactMap(\.mergedIntoID)
            return q.group(.or) { g in
                g.filter(\.$reporterUserID == v.user.id!)
                if !mergedInto.isEmpty { g.filter(\.$id ~~ mergedInto) }
            }
        }
        if v.role == .unitLiaison {
            let units = try await myUnitIDs(v, on: db)
            let ids =
                units.isEmpty
                ? [] : try await RequestAssignment.query(on: db).filter(\.$unitID ~~ units).all().map(\.requestID)
            return q.filter(\.$id ~~ (ids.isEmpty ? [-1] : ids))
        }
        return q.inScope(v.scope, \.$path)
    }

    /// A resident following a request theirs was merged into: it is someone else's, so its reporter's name, exact
    /// place, own words (unless public) and own photos stay theirs.
    static func isAnotherResidents(_ r: ServiceRequest, for v: Viewer) -> Bool {
        v.scope.isSelfOnly && r.reporterUserID != v.user.id
    }

    static func find(_ id: Int, _ caller: Caller) async throws -> ServiceRequest {
        let v = try caller.requireViewer()
        if let r = try await scoped(v, on: caller.db).filter(\.$id == id).first() { return r }
        if let other = try await ServiceRequest.find(id, on: caller.db) {
            throw await caller.outOfScope("request \(id)", scopePath: other.path)
        }
        throw AppError.notFound()
    }

    /// Whether the viewer's role may take this action on a request they can see.
    static func may(
        _ v: Viewer, _ action: RequestAction, _ r: ServiceRequest, category: RequestCategory?, myUnits: [Int],
        assignedUnits: [Int]
    ) -> Bool {
        let role = v.role
        let community = communityRoles.contains(role)
        let street = streetRoles.contains(role)
        let district = districtRoles.contains(role)
        let grid = gridRoles.contains(role)
        let handler = !Set(myUnits).isDisjoint(with: assignedUnits)
        let level = EscalationLevel(rawValue: r.level) ?? .community
        let atMyLevel: Bool =
            switch level {
            case .community: community || street || district
            case .street: street || district
            case .district: district
            }
        switch action {
        case .raise, .closeUnrated: return false
        case .take: return role == .gridWorker || community
        case .settle, .forward: return (grid && r.assigneeUserID == v.user.id) || community
        case .merge: return grid || community
        case .dispatch:
            if r.state == .gridReview {
                return (category?.directDispatch ?? false) && ((grid && r.assigneeUserID == v.user.id) || community)
            }
            return atMyLevel
        case .decide: return community
        // The handling unit's own steps: staff above it supervise, escalate or approve, and do not act for it.
        case .accept, .returnDispatch, .requestExtension, .complete: return handler
        case .progress: return handler || atMyLevel
        case .approveExtension, .refuseExtension: return atMyLevel
        case .escalate: return atMyLevel
        case .supervise: return street || district || role == .communitySecretary
        case .rate: return r.reporterUserID == v.user.id
        case .reopen: return r.reporterUserID == v.user.id || atMyLevel
        case .comment: return true
        }
    }
}
