/// Reads a resident units CSV into checked rows, every problem of every row reported.
public enum UnitImport {
    public enum Column: String, CaseIterable, Sendable {
        case name, kind, locationCode, address, contactName, contactPhone, partyOrgCode

        public var headers: [String] {
            switch self {
            case .name: ["name", "单位名称", "名称"]
            case .kind: ["kind", "单位类型", "类型"]
            case .locationCode: ["locationCode", "所在组织编码", "所在地编码"]
            case .address: ["address", "地址", "单位地址"]
            case .contactName: ["contactName", "联系人"]
            case .contactPhone: ["contactPhone", "联系电话", "联系人手机"]
            case .partyOrgCode: ["partyOrgCode", "党组织编码"]
            }
        }
        public static let required: [Column] = [.name, .kind, .locationCode]
    }

    public struct Row: Sendable {
        public let line: Int
        public var name = "", kind: UnitKind?, locationCode = "", address: String?, contactName: String?
        public var contactPhone: String?, partyOrgCode: String?
        public var problems: [(column: Column?, messageKey: String, args: [String])] = []
        public init(line: Int) { self.line = line }
    }

    public static let kindLabels: [String: UnitKind] = [
        "机关": .agency,
        """
        国有企业
        """: .enterprise, "非公企业": .nonPublicEnterprise, "学校": .school, "医院": .hospital,
        """
        物业企业
        """: .propertyCompany, "物业": .propertyCompany, "公安": .police, "驻军": .army, "部队": .army,
        "社会组织": .socialOrganization, "职能部门": .department, "部门": .department,
        """
        志愿服务队
        """: .volunteerTeam, "居委会": .residentsCommittee, "居民委员会": .residentsCommittee,
        "业委会": .ownersCommittee, "业主委员会": .ownersCommittee,
    ]

    public static func read(_ table: [[String]]) throws(PersonImport.FileProblem) -> [Row] {
        guard let header = table.first, table.count > 1 else { throw .empty }
        if table.count - 1 > PersonImport.rowLimit { throw .tooManyRows(limit: PersonImport.rowLimit) }
        var index: [Column: Int] = [:]
        for (i, h) in header.enumerated() {
            let name = h.trimmingWhitespace()
            if let c = Column.allCases.first(where: { $0.headers.contains(name) }) { index[c] = i }
        }
        let missing = Column.required.filter { index[$0] == nil }
        if !missing.isEmpty { throw .missingColumns(missing.map { $0.headers[1] }) }
        return table.dropFirst().enumerated().map { offset, cells in
            var row = Row(line: offset + 2)
            func cell(_ c: Column) -> String? {
                guard let i = index[c], i < cells.count else { return nil }
                let v = cells[i].trimmingWhitespace()
                return v.isEmpty ? nil : v
            }
            row.name = cell(.name) ?? ""
            if row.name.isEmpty {
                row.problems.append((.name, "error.name.empty", []))
            } else if row.name.count > 100 {
                row.problems.append((.name, "error.name.tooLong", []))
            }
            if let raw = cell(.kind) {
                row.kind = UnitKind(rawValue: raw) ?? kindLabels[raw]
                if row.kind == nil { row.problems.append((.kind, "error.import.unknownUnitKind", [])) }
            } else {
                row.problems.append((.kind, "error.import.unknownUnitKind", []))
            }
            row.locationCode = cell(.locationCode) ?? ""
            if row.locationCode.isEmpty { row.problems.append((.locationCode, "error.import.noOrg", [])) }
            row.address = cell(.address)
            if (row.address?.count ?? 0) > 200 { row.problems.append((.address, "error.text.long", ["200"])) }
            row.contactName = cell(.contactName)
            if (row.contactName?.count ?? 0) > 50 { row.problems.append((.contactName, "error.text.long", ["50"])) }
            if let raw = cell(.contactPhone) {
                do throws(MobileNumber.Invalid) { row.contactPhone = try MobileNumber(raw).value } catch {
                    row.problems.append((.contactPhone, error.messageKey, []))
                }
            }
            row.partyOrgCode = cell(.partyOrgCode)
            return row
        }
    }
}
