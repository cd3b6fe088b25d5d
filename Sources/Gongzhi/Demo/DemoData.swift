import Fluent
import Foundation

/// The fictional demo district 青禾区 (虚构). Shapes and proportions follow the seed reports:
/// street → community → grid branch → building group, unit party organisations of every kind,
/// in-service members reporting to their home communities, community workers graded 四级十二档.
enum DemoData {
    struct DemoAccount: Sendable {
        let username: String
        let phone: String
        let role: Role
        let name: String
    }

    /// The accounts the README lists; one for every role.
    static let accounts: [DemoAccount] = [
        .init(username: "admin", phone: "13900000001", role: .systemAdmin, name: "系统管理员"),
        .init(username: "orgdept", phone: "13900000002", role: .orgDepartmentAdmin, name: "区委组织部 管理员"),
        .init(username: "street", phone: "13900000003", role: .streetStaff, name: "街道 工作人员"),
        .init(username: "command", phone: "13900000004", role: .commandOperator, name: "指挥中心 值班员"),
        .init(username: "secretary", phone: "13900000005", role: .communitySecretary, name: "社区书记 林晓"),
        .init(username: "worker", phone: "13900000006", role: .communityWorker, name: "社区工作者 周敏"),
        .init(username: "gridworker", phone: "13900000007", role: .gridWorker, name: "网格员 陈刚"),
        .init(username: "lanechief", phone: "13900000008", role: .laneChief, name: "街巷长 吴强"),
        .init(username: "buildingchief", phone: "13900000009", role: .buildingChief, name: "楼长 郑芳"),
        .init(username: "groupleader", phone: "13900000010", role: .buildingGroupLeader, name: "党小组长 王军"),
        .init(username: "unit", phone: "13900000011", role: .unitLiaison, name: "单位联络员 赵磊"),
        .init(username: "member", phone: "13900000012", role: .partyMember, name: "党员 孙丽"),
        .init(username: "resident", phone: "13900000013", role: .resident, name: "居民 李华"),
        .init(username: "secretary2", phone: "13900000014", role: .communitySecretary, name: "社区书记 何静"),
    ]

    static let surnames = Array(
        """
        王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董\
        袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟\
        熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤
        """
    ).map(String.init)
    static let givenChars = Array(
        """
        伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫斌\
        宇浩凯健俊帆帅旭宁亮建国志海春梅雪琳晨欣怡子涵思博文轩雨泽晓东
        """)
    static let streetNames = ["清河街道", "云岭街道", "望湖街道"]
    static let communityNames = [
        "枫林社区", "新桥社区", "书院社区", "锦绣社区", "南湖社区", "东苑社区", "杏花社区",
        "翠竹社区", "和平社区", "长宁社区", "兴业社区", "柳岸社区",
    ]
    static let roadNames = [
        "清河路", "云岭路", "望湖大道", "书院街", "杏花巷", "长宁路", "兴业街", "翠竹路",
        "南湖路", "锦绣大道", "柳岸街", "枫林路",
    ]

    struct UnitSpec {
        let kind: UnitKind
        let org: OrgNodeKind?
        let name: String
    }
    static let unitsPerCommunity: [[UnitSpec]] = [
        [
            .init(kind: .school, org: .publicInstitutionOrganization, name: "第一实验小学"),
            .init(kind: .propertyCompany, org: .propertyCompanyOrganization, name: "安居物业服务有限公司"),
            .init(kind: .nonPublicEnterprise, org: .nonPublicOrganization, name: "禾丰科技有限公司"),
        ],
        [
            .init(kind: .hospital, org: .publicInstitutionOrganization, name: "社区卫生服务中心"),
            .init(kind: .enterprise, org: .enterpriseOrganization, name: "城投集团分公司"),
            .init(kind: .socialOrganization, org: .socialOrganization, name: "邻里互助服务社"),
        ],
        [
            .init(kind: .agency, org: .agencyOrganization, name: "区市场监督管理局所"),
            .init(kind: .police, org: .militaryPoliceOrganization, name: "派出所"),
            .init(kind: .propertyCompany, org: nil, name: "宜家物业管理处"),
        ],
        [
            .init(kind: .army, org: .militaryPoliceOrganization, name: "驻区部队营区"),
            .init(kind: .school, org: .publicInstitutionOrganization, name: "第二中学"),
            .init(kind: .nonPublicEnterprise, org: nil, name: "便民超市连锁店"),
        ],
    ]
    static let streetDepartments: [(String, UnitKind)] = [
        ("城管中队", .department), ("安监站", .department), ("司法所", .department), ("派出所", .police),
    ]

    static func load(on db: Database, passwordHash: String, scale: DemoScale) async throws {
        try await db.writing { db in
            var rng = SeededRandom(state: 20_261_124)
            var seq = 0
            func node(_ kind: OrgNodeKind, _ name: String, _ code: String, parent: OrgNode?) async throws -> OrgNode {
                let n = OrgNode(kind: kind, name: name, code: code, parentID: parent?.id)
                try await n.create(on: db)
                n.path = parent.map { $0.treePath.child(id: n.id!).value } ?? TreePath.root(id: n.id!).value
                try await n.save(on: db)
                return n
            }
            let district = try await node(
                .districtCommittee,
                """
                中共青禾区委员会（虚构演示）
                """, "QH", parent: nil)
            var streets: [OrgNode] = []
            var communities: [OrgNode] = []
            var grids: [OrgNode] = []
            var groups: [OrgNode] = []
            var unitOrgs: [OrgNode] = []
            var units: [ResidentUnit] = []
            var communityIndex = 0
            for (s, count) in scale.communitiesPerStreet.enumerated() {
                let street = try await node(
                    .streetCommittee,
                    """
                    \(streetNames[s])党工委
                    """, "QH-S\(s + 1)", parent: district)
                streets.append(street)
                for (d, (name, kind)) in streetDepartments.enumerated() {
                    let u = ResidentUnit()
                    u.name = "\(streetNames[s])\(name)"
                    u.kind = kind
                    u.locationNodeID = street.id!
                    u.path = street.path
                    u.address = "\(roadNames[(s * 3 + d) % roadNames.count])\(10 + d)号"
                    u.archived = false
                    units.append(u)
                }
                for c in 0..<count {
                    let cname = communityNames[communityIndex % communityNames.count]
                    let community = try await node(
                        .communityCommittee, "\(cname)党委", "\(street.code)-C\(c + 1)", parent: street)
                    communities.append(community)
                    for g in 0..<rng.int(scale.gridsPerCommunity) {
                        let grid = try await node(
                            .gridBranch, "\(cname)第\(g + 1)网格党支部",
                            """
                            \(community.code)-G\(g + 1)
                            """, parent: community)
                        grids.append(grid)
                        for b in 0..<scale.groupsPerGrid {
                            groups.append(
                                try await node(
                                    .buildingGroup,
                                    """
                                    \(cname)\(g + 1)网格\(b * 2 + 1)号楼党小组
                                    """, "\(grid.code)-B\(b + 1)",
                                    parent: grid))
                        }
                    }
                    let specs = unitsPerCommunity[communityIndex % unitsPerCommunity.count]
                    for (k, spec) in specs.enumerated() where scale != .small || k == 0 {
                        let u = ResidentUnit()
                        u.name = "\(cname.dropLast(2))\(spec.name)"
                        u.kind = spec.kind
                        u.locationNodeID = community.id!
                        u.path = community.path
                        u.archived = false
                        u.address = "\(roadNames[communityIndex % roadNames.count])\(100 + k * 12)号"
                        u.contactName = name(&rng)
                        u.contactPhone = phone(&seq)
                        if let orgKind = spec.org {
                            let org = try await node(
                                orgKind, "\(u.name)党支部", "\(community.code)-U\(k + 1)", parent: community)
                            unitOrgs.append(org)
                            u.partyOrgNodeID = org.id
                        }
                        units.append(u)
                    }
                    // Every community has a volunteer team that requests can be dispatched to.
                    let team = ResidentUnit()
                    team.name = "\(cname.dropLast(2))社区志愿服务队"
                    team.kind = .volunteerTeam
                    team.locationNodeID = community.id!
                    team.path = community.path
                    team.archived = false
                    team.contactName = name(&rng)
                    team.contactPhone = phone(&seq)
                    units.append(team)
                    communityIndex += 1
                }
            }
            try await units.create(on: db)

            var people: [Person] = []
            var idNumbers = Set<String>()
            func newPerson(at node: OrgNode) -> Person {
                let p = Person()
                p.name = name(&rng)
                var idn: String
                repeat { idn = idNumber(&rng) } while idNumbers.contains(idn)
                idNumbers.insert(idn)
                p.idNumber = idn
                p.gender = (try? IDNumber(idn))?.isMale == true ? "male" : "female"
                p.phone = phone(&seq)
                p.orgNodeID = node.id!
                p.path = node.path
                p.setFacets([])
                p.inService = false
                p.archived = false
                p.shownToNeighbours = false
                return p
            }
            func address(for node: OrgNode) -> String {
                """
                \(roadNames[node.id! % roadNames.count])\(rng.int(1...200))号\(rng.int(1...12))栋\
                \(rng.int(1...4))单元\(rng.int(1...18))0\(rng.int(1...4))室
                """
            }
            // Seven in ten members are organised where they live; the rest are in-service members of
            // unit organisations who report to a home community (在职党员双报到).
            let territorial = grids + groups
            for i in 0..<scale.partyMembers {
                let inService = i % 10 >= 7 && !unitOrgs.isEmpty
                let node = inService ? unitOrgs[i % unitOrgs.count] : territorial[i % territorial.count]
                let p = newPerson(at: node)
                p.setFacets(inService ? [.partyMember] : [.partyMember, .resident])
                if rng.chance(0.4) { p.isVolunteer = true }
                p.inService = inService
                if inService {
                    let home = communities[rng.int(0...(communities.count - 1))]
                    p.homeNodeID = home.id
                    p.homePath = home.path
                    p.employer = node.name.replacingOccurrences(of: "党支部", with: "")
                }
                p.address = address(for: node)
                p.memberStatus = rng.chance(0.04) ? .probationary : .full
                p.joinedOn = SimpleDate("\(rng.int(1965...2025))-\(rng.int(1...12))-\(rng.int(1...28))")!.iso
                people.append(p)
            }
            for i in 0..<scale.residents {
                let p = newPerson(at: grids[i % grids.count])
                p.setFacets(rng.chance(0.25) ? [.resident, .volunteer] : [.resident])
                p.address = address(for: grids[i % grids.count])
                people.append(p)
            }
            for community in communities {
                for w in 0..<scale.workersPerCommunity {
                    let p = newPerson(at: community)
                    p.setFacets(w < 2 ? [.communityWorker, .partyMember] : [.communityWorker])
                    p.workerLevel = w == 0 ? 4 : rng.int(1...3)
                    p.workerStep = rng.int(1...3)
                    if p.isPartyMember {
                        p.memberStatus = .full
                        p.joinedOn = "20\(10 + w)-07-01"
                    }
                    people.append(p)
                }
            }
            for community in communities.prefix(3) {
                let p = newPerson(at: community)
                p.setFacets([.firstSecretary, .partyMember])
                p.memberStatus = .full
                p.employer = "区直机关（选派）"
                p.joinedOn = "2008-07-01"
                people.append(p)
            }
            // Demo residents and members behind the resident and member accounts.
            let demoResident = newPerson(at: grids[0])
            demoResident.name = "李华"
            demoResident.setFacets([.resident])
            demoResident.address = address(for: grids[0])
            let demoMember = newPerson(at: grids[0])
            demoMember.name = "孙丽"
            demoMember.setFacets([.partyMember, .resident, .volunteer])
            demoMember.memberStatus = .full
            demoMember.joinedOn = "2015-06-18"
            demoMember.address = address(for: grids[0])
            people += [demoResident, demoMember]
            for chunk in stride(from: 0, to: people.count, by: 200) {
                try await Array(people[chunk..<min(chunk + 200, people.count)]).create(on: db)
            }
            let residentID = try await Person.query(on: db).filter(\.$idNumber == demoResident.idNumber!).first()?.id
            let memberID = try await Person.query(on: db).filter(\.$idNumber == demoMember.idNumber!).first()?.id

            let entry = AuditEntry()
            entry.at = Date()
            entry.actorName = "system"
            entry.action = AuditAction.importCommit.rawValue
            entry.entityType = "org_node"
            entry.entityID = district.id!
            entry.entityLabel = "demo data (虚构演示数据)"
            entry.scopePath = district.path
            entry.afterJSON =
                """
                {"nodes":\(streets.count + communities.count + grids.count + groups.count + unitOrgs.count + 1),\
                "people":\(people.count),"units":\(units.count)}
                """
            try await entry.create(on: db)
            let demo = DemoDistrict(
                db: db, passwordHash: passwordHash, scale: scale, rng: rng, district: district, streets: streets,
                communities: communities, grids: grids, groups: groups, unitOrgs: unitOrgs, roads: roadNames,
                residentPersonID: residentID, memberPersonID: memberID)
            // Each capability adds its part of the district, in the order of Capability.all.
            for capability in Capability.all { try await capability.demo?(demo) }
        }
    }

    static func name(_ rng: inout SeededRandom) -> String {
        let given =
            rng.chance(0.3) ? String(rng.pick(givenChars)) : String(rng.pick(givenChars)) + String(rng.pick(givenChars))
        return rng.pick(surnames) + given
    }

    /// A well-formed ID number with the fictional region code 990101 (no such province exists).
    static func idNumber(_ rng: inout SeededRandom) -> String {
        let year = rng.int(1940...2006)
        let month = rng.int(1...12)
        let day = rng.int(1...28)
        let seq = rng.int(1...999)
        func pad(_ n: Int, _ w: Int) -> String {
            String(repeating: "0", count: max(0, w - String(n).count)) + String(n)
        }
        let first17 = "990101" + pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(seq, 3)
        return first17 + String(IDNumber.checkCharacter(for: first17.compactMap { $0.wholeNumberValue }))
    }

    /// Mobile numbers from the 199-0xxx block, which the demo keeps to itself.
    static func phone(_ seq: inout Int) -> String {
        seq += 1
        let digits = String(seq)
        return "1990" + String(repeating: "0", count: 7 - digits.count) + digits
    }
}
