/// Every account has one role and is bound to a node of the organisation tree.
public enum Role: String, CaseIterable, Codable, Sendable {
    case resident, partyMember, gridWorker, laneChief, buildingChief, buildingGroupLeader
    case communityWorker, communitySecretary, streetStaff, commandOperator, unitLiaison
    case orgDepartmentAdmin, systemAdmin

    public var labelKey: String { "role.\(rawValue)" }

    /// Residents, members and grid workers work on the phone; staff at a desk.
    public var usesPhoneLayout: Bool {
        switch self {
        case .resident, .partyMember, .gridWorker, .laneChief, .buildingChief, .buildingGroupLeader: true
        default: false
        }
    }

    public var permissions: Set<Permission> {
        switch self {
        case .resident, .partyMember: []
        case .gridWorker, .laneChief, .buildingChief, .buildingGroupLeader: [.viewPeople, .viewTree]
        case .unitLiaison: [.viewTree]
        case .communityWorker: [.viewTree, .viewPeople, .editPeople, .importPeople, .exportData]
        case .commandOperator: [.viewTree, .viewPeople, .exportData]
        case .communitySecretary, .streetStaff:
            [
                .viewTree, .editTree, .viewPeople, .editPeople, .importPeople, .exportData, .unmaskPersonalData,
                .viewAudit,
            ]
        case .orgDepartmentAdmin:
            [
                .viewTree, .editTree, .viewPeople, .editPeople, .importPeople, .exportData, .unmaskPersonalData,
                .viewAudit, .manageAccounts,
            ]
        case .systemAdmin:
            Set(Permission.allCases)
        }
    }

    public func can(_ permission: Permission) -> Bool { permissions.contains(permission) }
}

public enum Permission: String, CaseIterable, Codable, Sendable {
    case viewTree, editTree, viewPeople, editPeople, importPeople, exportData
    case unmaskPersonalData, viewAudit, manageAccounts
    public var labelKey: String { "permission.\(rawValue)" }
}

extension Role {
    /// An administrator hands out only roles that can do no more than they can;
    /// system administrators are made only by system administrators.
    public func canGrant(_ other: Role) -> Bool {
        can(.manageAccounts) && other.permissions.isSubset(of: permissions)
            && (other != .systemAdmin || self == .systemAdmin)
    }
}
