/// Reads a people CSV (as exported, or as a community keeps it in Excel) into checked rows.
/// Every problem of every row is reported, so a clerk can fix the file in one pass.
public enum PersonImport {
    public enum Column: String, CaseIterable, Sendable {
        case name, idNumber, phone, facets, orgCode, address, inService, employer, joinedOn, workerGrade

        /// Header spellings accepted: the English identifier and the Chinese a clerk would type.
        public var headers: [String] {
            switch self {
            case .name: ["name", "姓名"]
            case .idNumber: ["idNumber", "身份证号", "身份证号码", "公民身份号码"]
            case .phone: ["phone", "手机", "手机号", "手机号码", "联系电话"]
            case .facets: ["facets", "类型", "人员类型"]
            case .orgCode: ["orgCode", "组织编码", "所属组织编码"]
            case .address: ["address", "住址", "地址", "家庭住址"]
            case .inService: ["inService", "在职党员"]
            case .employer: ["employer", "工作单位"]
            case .joinedOn: ["joinedOn", "入党日期"]
            case .workerGrade: ["workerGrade", "岗位等级", "等级"]
            }
        }
        public static let required: [Column] = [.name, .facets, .orgCode]
    }

    public struct Problem: Equatable, Sendable {
        public let column: Column?
        public let messageKey: String
        public let args: [String]
        public init(_ column: Column?, _ key: String, _ args: [String] = []) {
            self.column = column
            self.messageKey = key
            self.args = args
        }
    }

    public struct Row: Sendable {
        public let line: Int
        public var name = ""
        public var idNumber: String?
        public var phone: String?
        public var facets: Set<PersonFacet> = []
        public var orgCode = ""
        public var address: String?
        public var inService = false
        public var employer: String?
        public var joinedOn: String?
        public var workerGrade: WorkerGrade?
        public var problems: [Problem] = []
        public init(line: Int) { self.line = line }
    }

    public enum FileProblem: Error, Equatable, Sendable {
        case empty
        /// The missing columns by their Chinese header names.
        case missingColumns([String])
        case tooManyRows(limit: Int)
        public var messageKey: String {
            switch self {
            case .empty: "error.import.empty"
            case .missingColumns: "error.import.missingColumns"
            case .tooManyRows: "error.import.tooManyRows"
            }
        }
        public var args: [String] {
            if case .missingColumns(let names) = self { return [names.joined(separator: "、")] }
            return []
        }
    }

    public static let rowLimit = 20_000

    public static func read(_ table: [[String]]) throws(FileProblem) -> [Row] {
        guard let header = table.first, table.count > 1 else { throw .empty }
        if table.count - 1 > rowLimit { throw .tooManyRows(limit: rowLimit) }
        var index: [Column: Int] = [:]
        for (i, h) in header.enumerated() {
            let name = h.trimmingWhitespace()
            if let column = Column.allCases.first(where: { $0.headers.contains(name) }) { index[column] = i }
        }
        let missing = Column.required.filter { index[$0] == nil }
        if !missing.isEmpty { throw .missingColumns(missing.map { $0.headers[1] }) }

        var seenIDs: [String: Int] = [:]
        return table.dropFirst().enumerated().map { offset, cells in
            var row = Row(line: offset + 2)
            func cell(_ c: Column) -> String? {
                guard let i = index[c], i < cells.count else { return nil }
                let v = cells[i].trimmingWhitespace()
                return v.isEmpty ? nil : v
            }
            row.name = cell(.name) ?? ""
            if row.name.isEmpty {
                row.problems.append(Problem(.name, "error.name.empty"))
            } else if row.name.count > 50 {
                row.problems.append(Problem(.name, "error.name.tooLong"))
            }

            if let raw = cell(.idNumber) {
                do throws(IDNumber.Problem) {
                    let id = try IDNumber(raw)
                    row.idNumber = id.value
                    if let first = seenIDs[id.value] {
                        row.problems.append(Problem(.idNumber, "error.import.duplicateInFile", [String(first)]))
                    } else {
                        seenIDs[id.value] = row.line
                    }
                } catch { row.problems.append(Problem(.idNumber, error.messageKey)) }
            }
            if let raw = cell(.phone) {
                do throws(MobileNumber.Invalid) { row.phone = try MobileNumber(raw).value } catch {
                    row.problems.append(Problem(.phone, error.messageKey))
                }
            }
            if let raw = cell(.facets) {
                for part in raw.split(whereSeparator: { "；;、,/ ".contains($0) }) {
                    if let f = facet(String(part)) {
                        row.facets.insert(f)
                    } else {
                        row.problems.append(Problem(.facets, "error.import.unknownFacet"))
                    }
                }
            }
            if row.facets.isEmpty && !row.problems.contains(where: { $0.column == .facets }) {
                row.problems.append(Problem(.facets, "error.import.noFacet"))
            }
            row.orgCode = cell(.orgCode) ?? ""
            if row.orgCode.isEmpty { row.problems.append(Problem(.orgCode, "error.import.noOrg")) }
            row.address = cell(.address)
            if let raw = cell(.inService) {
                switch raw.lowercased() {
                case "是", "y", "yes", "true", "1": row.inService = true
                case "否", "n", "no", "false", "0": row.inService = false
                default: row.problems.append(Problem(.inService, "error.import.yesNo"))
                }
            }
            row.employer = cell(.employer)
            if row.inService && row.employer == nil {
                row.problems.append(Problem(.employer, "error.person.employerRequired"))
            }
            if let raw = cell(.joinedOn) {
                if let d = SimpleDate(raw) {
                    row.joinedOn = d.iso
                } else {
                    row.problems.append(Problem(.joinedOn, "error.date.invalid"))
                }
            }
            if let raw = cell(.workerGrade) {
                if let g = grade(raw) {
                    row.workerGrade = g
                } else {
                    row.problems.append(Problem(.workerGrade, "error.grade.text"))
                }
            }
            if row.facets.contains(.communityWorker) && row.workerGrade == nil
                && !row.problems.contains(where: { $0.column == .workerGrade })
            {
                row.problems.append(Problem(.workerGrade, "error.grade.required"))
            }
            return row
        }
    }

    static func facet(_ text: String) -> PersonFacet? {
        switch text.trimmingWhitespace() {
        case "党员", "partyMember": .partyMember
        case "群众", "居民", "resident": .resident
        case "志愿者", "volunteer": .volunteer
        case "社区工作者", "communityWorker": .communityWorker
        case "第一书记", "firstSecretary": .firstSecretary
        default: nil
        }
    }

    /// "二级三档", "2-3" or "2级3档".
    public static func grade(_ text: String) -> WorkerGrade? {
        let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        let digits = text.compactMap { numerals[$0] }
        guard digits.count == 2 else { return nil }
        return try? WorkerGrade(level: digits[0], step: digits[1])
    }
}

/// A calendar date typed as 2021-07-01, 2021/7/1 or 2021.7.1.
public struct SimpleDate: Hashable, Sendable {
    public let year: Int, month: Int, day: Int
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(whereSeparator: {
            """
            -/.年月日
            """.contains($0)
        }).compactMap { Int($0) }
        guard parts.count == 3, (1900...2100).contains(parts[0]), (1...12).contains(parts[1]),
            (1...IDNumber.daysIn(month: parts[1], year: parts[0])).contains(parts[2])
        else { return nil }
        year = parts[0]
        month = parts[1]
        day = parts[2]
    }
    public var iso: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
