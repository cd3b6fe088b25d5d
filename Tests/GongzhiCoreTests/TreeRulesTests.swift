import Testing

@testable import GongzhiCore

@Suite("Organisation tree rules")
struct TreeRulesTests {
    let district = NodeFacts(id: 1, kind: .districtCommittee, path: TreePath("/1/"), archived: false)
    let street = NodeFacts(id: 2, kind: .streetCommittee, path: TreePath("/1/2/"), archived: false)
    let street2 = NodeFacts(id: 5, kind: .streetCommittee, path: TreePath("/1/5/"), archived: false)
    let community = NodeFacts(id: 3, kind: .communityCommittee, path: TreePath("/1/2/3/"), archived: false)
    let grid = NodeFacts(id: 4, kind: .gridBranch, path: TreePath("/1/2/3/4/"), archived: false)

    @Test func territorialChainIsEnforced() throws {
        try TreeRules.checkCreate(kind: .streetCommittee, parent: district)
        try TreeRules.checkCreate(kind: .gridBranch, parent: community)
        #expect(throws: TreeRuleError.kindNotAllowedUnderParent(child: .gridBranch, parent: .streetCommittee)) {
            try TreeRules.checkCreate(kind: .gridBranch, parent: street)
        }
        #expect(throws: TreeRuleError.kindNotAllowedUnderParent(child: .communityCommittee, parent: nil)) {
            try TreeRules.checkCreate(kind: .communityCommittee, parent: nil)
        }
        // Unit organisations hang under district, street or community, never under a grid.
        try TreeRules.checkCreate(kind: .propertyCompanyOrganization, parent: community)
        #expect(throws: TreeRuleError.self) { try TreeRules.checkCreate(kind: .nonPublicOrganization, parent: grid) }
    }

    @Test func moveGivesNewPathAndRefusesCycles() throws {
        let newPath = try TreeRules.checkMove(node: community, newParent: street2)
        #expect(newPath == TreePath("/1/5/3/"))
        #expect(TreePath("/1/2/3/4/").rebased(from: TreePath("/1/2/3/"), to: newPath) == TreePath("/1/5/3/4/"))
        #expect(TreePath("/1/2/9/").rebased(from: TreePath("/1/2/3/"), to: newPath) == nil)
        #expect(throws: TreeRuleError.moveIntoOwnSubtree) {
            try TreeRules.checkMove(
                node: street,
                newParent: NodeFacts(id: 3, kind: .districtCommittee, path: TreePath("/1/2/3/"), archived: false))
        }
        #expect(throws: TreeRuleError.rootCannotChange) { try TreeRules.checkMove(node: district, newParent: street) }
        var archived = street2
        archived.archived = true
        #expect(throws: TreeRuleError.archivedNode) { try TreeRules.checkMove(node: community, newParent: archived) }
    }

    @Test func mergeNeedsSameKindOutsideOwnSubtree() throws {
        try TreeRules.checkMerge(source: street, target: street2)
        #expect(throws: TreeRuleError.mergeKindsDiffer) { try TreeRules.checkMerge(source: street, target: community) }
        #expect(throws: TreeRuleError.mergeIntoSelfOrDescendant) {
            try TreeRules.checkMerge(source: street, target: street)
        }
    }

    @Test func archiveOnlyWhenEmpty() throws {
        try TreeRules.checkArchive(node: grid, activeChildren: 0, people: 0)
        #expect(throws: TreeRuleError.hasActiveChildren) {
            try TreeRules.checkArchive(node: grid, activeChildren: 1, people: 0)
        }
        #expect(throws: TreeRuleError.hasMembers) {
            try TreeRules.checkArchive(node: grid, activeChildren: 0, people: 3)
        }
    }

    @Test func namesAreTrimmedIncludingIdeographicSpace() throws {
        #expect(try TreeRules.validName("\u{3000} 枫林社区党委 ") == "枫林社区党委")
        #expect(throws: TreeRuleError.emptyName) { try TreeRules.validName("\u{3000}") }
        #expect(throws: TreeRuleError.nameTooLong) { try TreeRules.validName(String(repeating: "党", count: 101)) }
    }
}

@Suite("Data scope")
struct DataScopeTests {
    @Test func subtreeAndSharesWithoutOverlap() {
        let scope = DataScope(own: TreePath("/1/2/"), shared: [TreePath("/1/2/3/"), TreePath("/1/5/")])
        #expect(scope.paths == [TreePath("/1/2/"), TreePath("/1/5/")])
        #expect(scope.includes(TreePath("/1/2/3/4/")))
        #expect(scope.includes(TreePath("/1/5/")))
        #expect(!scope.includes(TreePath("/1/")))
        #expect(!scope.includes(TreePath("/1/6/")))
        // "/1/2/" must not match "/1/22/": the trailing slash is part of the prefix.
        #expect(!scope.includes(TreePath("/1/22/")))
    }

    @Test func selfOnlyScopeHasNoSubtree() {
        let scope = DataScope.selfOnly(personID: 7)
        #expect(scope.isSelfOnly)
        #expect(!scope.includes(TreePath("/1/")))
        #expect(scope.ownPersonID == 7)
    }
}

@Suite("Roles")
struct RoleTests {
    @Test func grantingStaysWithinOnesOwnPermissions() {
        #expect(Role.systemAdmin.canGrant(.systemAdmin))
        #expect(!Role.orgDepartmentAdmin.canGrant(.systemAdmin))
        #expect(Role.orgDepartmentAdmin.canGrant(.communitySecretary))
        #expect(!Role.communitySecretary.canGrant(.resident))  // no account management at all
        #expect(Role.allCases.filter(\.usesPhoneLayout).count == 6)
    }
}
