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

    static let districtName = "中共青禾区委员会（虚构演示）"

    /// The units a community has (one each in the small scale), with their place in the community's list.
    static func unitSpecs(community index: Int, scale: DemoScale) -> [(Int, UnitSpec)] {
        Array(unitsPerCommunity[index % unitsPerCommunity.count].enumerated()).filter { scale != .small || $0.0 == 0 }
    }

    static func unitName(_ spec: UnitSpec, community index: Int) -> String {
        "\(communityNames[index % communityNames.count].dropLast(2))\(spec.name)"
    }

    static func unitOrgCode(community code: String, _ k: Int) -> String { "\(code)-U\(k + 1)" }

    /// Each capability adds its part of the district, in the order of `Capability.all`, in one transaction; one
    /// audit entry records the load.
    static func load(on db: Database, passwordHash: String, scale: DemoScale, now: Date) async throws {
        try await db.writing { db in
            let demo = DemoDistrict(db: db, passwordHash: passwordHash, scale: scale, now: now)
            for capability in Capability.all { try await capability.demo?(demo) }
            for capability in Capability.all { try await capability.demoHistory?(demo) }
            let entry = AuditEntry()
            entry.at = now
            entry.actorName = "system"
            entry.action = AuditAction.importCommit.rawValue
            entry.entityType = "org_node"
            entry.entityID = demo.district.id!
            entry.entityLabel = "demo data (虚构演示数据)"
            entry.scopePath = demo.district.path
            entry.afterJSON = String(decoding: try Audit.encoder.encode(demo.counts), as: UTF8.self)
            try await entry.create(on: db)
        }
    }

    static func name(_ rng: inout SeededRandom) -> String {
        let given =
            rng.chance(0.3)
            ? String(rng.pick(givenChars)) : String(rng.pick(givenChars)) + String(rng.pick(givenChars))
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
}
