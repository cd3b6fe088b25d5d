import Fluent
import Foundation
import GongzhiCore

/// The lists' part of the demo district, after the seeds' scale for the first street (Shiwan: 600+ needs and
/// problems, 400+ resources and teams, 238 action projects): needs and problems from every origin, resources from
/// units, members and the community, claims that meet some of them fully and some in part, and projects in every
/// state with milestones, notes and ratings. Inserted in batches from the district's seeded generator.
enum ListsDemo {
    static let needs: [ServiceCategory: [String]] = [
        .elderlyCare: ["独居老人需要每周上门探访", "高龄老人助餐需求", "老人需要陪同就医"],
        .children: ["双职工家庭放学后托管", "暑期儿童看护需求", "留守儿童课业辅导"],
        .disability: ["残疾人出行需要轮椅", "残疾人家庭无障碍改造"],
        .health: ["慢病老人需要定期测血压", "社区义诊需求"],
        .legal: ["邻里纠纷需要法律咨询", "租房合同纠纷求助"],
        .employment: ["失业人员再就业培训", "家庭主妇灵活就业需求"],
        .repairs: ["老旧小区水管维修", "楼道照明损坏需维修", "老人家中电路老化"],
        .environment: ["背街小巷垃圾清理", "小区绿化带杂草丛生"],
        .cultureSports: ["缺少老年人活动场地", "社区文艺队需要排练场地"],
        .counselling: ["青少年心理疏导需求", "独居老人情绪疏导"],
        .safety: ["小区夜间巡逻力量不足", "电动车充电安全隐患"],
    ]
    static let offers: [ServiceCategory: [String]] = [
        .elderlyCare: ["志愿者上门陪伴", "爱心助餐点", "代购送货上门"],
        .children: ["四点半课堂", "周末亲子活动", "党员家教志愿服务"],
        .disability: ["轮椅借用", "康复辅具捐赠"],
        .health: ["医院义诊团队", "健康讲座", "家庭医生签约"],
        .legal: ["律所公益法律咨询", "人民调解员坐班"],
        .employment: ["企业招聘岗位", "技能培训课程"],
        .repairs: ["物业维修队", "水电维修志愿者"],
        .environment: ["环卫志愿队", "绿化养护服务"],
        .cultureSports: ["单位会议室开放", "篮球场周末开放", "文艺培训"],
        .counselling: ["心理咨询师志愿服务"],
        .safety: ["平安巡逻队", "消防安全培训"],
    ]

    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        guard let street = d.streets.first,
            let admin = try await User.query(on: db).filter(\.$role == .systemAdmin).sort(\.$id).first()?.id
        else { return }
        let full = d.scale == .full
        let communities = d.communities.filter { TreePath(street.path).contains($0.treePath) }
        guard !communities.isEmpty else { return }
        let staff = try await User.query(on: db).filter(\.$role ~~ [.communitySecretary, .communityWorker]).all()
        func keeper(_ c: OrgNode) -> Int { staff.first { $0.orgNodeID == c.id }?.id ?? admin }
        let resident = try await User.query(on: db).filter(\.$username == "resident").first()
        let liaison = try await User.query(on: db).filter(\.$username == "unit").first()
        var grids: [Int: [GridSummary]] = [:]
        for c in communities { grids[c.id!] = try await PlacesQueries.activeGrids(inCommunity: c.id!, on: db) }
        let units = try await UnitsQueries.activeReportingUnits(on: db).filter {
            TreePath(street.path).contains(TreePath($0.path))
        }
        var liaisonUnits: [Int] = []
        if let liaison { liaisonUnits = try await UnitsQueries.unitIDs(withPartyOrg: liaison.orgNodeID, on: db) }
        let categories = Array(needs.keys).sorted { $0.rawValue < $1.rawValue }
        let today = d.today

        // Resources: units, members and the communities offer; a few reach the whole street.
        var resources: [ListResource] = []
        let resourceCount = full ? 400 : 40
        for k in 0..<resourceCount {
            let c = communities[k % communities.count]
            let category = d.rng.pick(categories)
            let r = ListResource()
            r.title = d.rng.pick(offers[category] ?? ["志愿服务"])
            r.text = ""
            r.category = category
            let roll = d.rng.int(0...9)
            if roll < 6, !units.isEmpty {
                let u = d.rng.pick(units)
                r.offerer = .unit
                r.unitID = u.id
                r.contactName = u.contactName ?? u.name
            } else if roll < 8 {
                r.offerer = .member
                r.contactName = DemoData.name(&d.rng)
            } else {
                r.offerer = roll == 8 ? .community : .department
                r.contactName = c.name
            }
            let wholeStreet = k % 25 == 0
            r.communityNodeID = wholeStreet ? nil : c.id
            r.path = wholeStreet ? street.path : c.path
            if !wholeStreet, let g = grids[c.id!].flatMap({ $0.isEmpty ? nil : d.rng.pick($0) }) {
                r.gridID = g.id
                let centre = g.shape.bbox.center
                r.lat = centre.lat + Double(d.rng.int(-300...300)) / 100_000
                r.lng = centre.lng + Double(d.rng.int(-300...300)) / 100_000
            }
            r.address = c.name
            r.capacity = d.rng.int(1...20)
            r.availableFrom = today.adding(days: -d.rng.int(30...300)).description
            r.availableUntil = d.rng.chance(0.3) ? today.adding(days: d.rng.int(30...200)).description : nil
            r.hours = d.rng.pick(["周六上午", "工作日 9:00–17:00", "每周三下午", "按需预约"])
            r.conditions = ""
            r.contactPhone = d.nextPhone()
            r.withdrawnOn = d.rng.chance(0.05) ? today.adding(days: -d.rng.int(1...60)).description : nil
            let liaisonOffer = r.unitID.map { liaisonUnits.contains($0) } ?? false
            r.recordedBy = (liaisonOffer ? liaison?.id : nil) ?? keeper(c)
            resources.append(r)
        }
        try await insert(resources, db)
        let allResources = try await ListResource.query(on: db).sort(\.$id).all()

        // Needs and problems from every origin.
        var items: [ListItem] = []
        let itemCount = full ? 600 : 60
        for k in 0..<itemCount {
            let c = communities[k % communities.count]
            let category = d.rng.pick(categories)
            let i = ListItem()
            i.kind = k % 3 == 0 ? .problem : .need
            i.title = d.rng.pick(needs[category] ?? ["其他需求"])
            i.text = ""
            i.category = category
            i.quantity = d.rng.int(1...6)
            i.communityNodeID = c.id!
            let g = grids[c.id!].flatMap { $0.isEmpty ? nil : d.rng.pick($0) }
            i.gridID = g?.id
            i.path = g?.path ?? c.path
            if let g {
                let centre = g.shape.bbox.center
                i.lat = centre.lat + Double(d.rng.int(-300...300)) / 100_000
                i.lng = centre.lng + Double(d.rng.int(-300...300)) / 100_000
            }
            let origins: [ListOrigin] = [.phone, .staff, .visit, .meeting, .staff]
            i.origin = d.rng.pick(origins)
            i.originID = nil
            let byResident = i.origin == .phone && k % 7 == 0 && resident != nil
            i.raisedBy = byResident ? resident!.id! : keeper(c)
            if i.origin == .phone, !byResident { i.origin = .staff }
            i.isPublic = true
            i.closedOn = d.rng.chance(0.05) ? today.adding(days: -d.rng.int(1...30)).description : nil
            i.closeNote = i.closedOn == nil ? nil : "已由社区协调解决"
            items.append(i)
        }
        try await insert(items, db)
        let allItems = try await ListItem.query(on: db).sort(\.$id).all()

        // Claims: most open items get a fitting resource's claim, some in full, some in part.
        var taken: [Int: Int] = [:]
        var claims: [ListClaim] = []
        var claimedBy: [Int: [Int]] = [:]
        for i in allItems where i.closedOn == nil && d.rng.chance(0.6) {
            let fits = allResources.filter {
                $0.category == i.category && $0.withdrawnOn == nil
                    && (TreePath($0.path).contains(TreePath(i.path)) || $0.path == street.path)
            }
            guard let r = fits.isEmpty ? nil : d.rng.pick(fits) else { continue }
            let free = r.capacity - (taken[r.id!] ?? 0)
            guard free > 0 else { continue }
            let q = min(free, d.rng.chance(0.5) ? i.quantity : d.rng.int(1...i.quantity))
            taken[r.id!, default: 0] += q
            let c = ListClaim()
            c.itemID = i.id!
            c.resourceID = r.id
            c.unitID = r.unitID
            c.quantity = q
            c.note = ""
            c.path = i.path
            c.claimedBy = i.raisedBy
            c.claimedAt = d.now.addingTimeInterval(-Double(d.rng.int(1...200)) * 86_400)
            claims.append(c)
            claimedBy[i.id!, default: []].append(r.id!)
        }
        try await insert(claims, db)

        // Action projects, in every state, built from the claimed items.
        let claimedItems = allItems.filter { claimedBy[$0.id!] != nil }
        var projects: [ActionProject] = []
        let projectCount = min(full ? 240 : 24, claimedItems.count)
        let states: [ProjectState] = [.proposed, .underway, .underway, .closed, .closed, .closed, .cancelled]
        for k in 0..<projectCount {
            let i = claimedItems[k]
            let c = communities.first { $0.id == i.communityNodeID } ?? communities[0]
            let p = ActionProject()
            p.title = i.title + "行动"
            p.summary = "由需求清单对接资源形成的行动项目。"
            p.category = i.category
            p.nodeID = c.id!
            p.path = c.path
            p.ownerUnitID = units.isEmpty ? nil : (k % 4 == 0 ? nil : d.rng.pick(units).id)
            p.budget = d.rng.int(0...50) * 1_000
            p.beneficiaries = d.rng.int(5...200)
            p.groups = [BeneficiaryGroup.elders, .children, .disabled, .residents].shuffledPick(&d.rng)
            p.state = states[k % states.count]
            p.createdBy = keeper(c)
            let start = today.adding(days: -d.rng.int(60...330))
            if p.state != .proposed { p.startedOn = start.description }
            if p.state == .closed || p.state == .cancelled {
                p.closedOn = start.adding(days: d.rng.int(20...50)).description
                let kept = "活动照片、签到表和居民反馈已存档。"
                let dropped = "资源方无法继续提供，经议定撤销。"
                p.evidence = p.state == .closed ? kept : dropped
            }
            if p.state == .closed {
                p.served = p.beneficiaries - d.rng.int(0...5)
                p.rating = d.rng.int(3...5)
                p.ratingNote = "居民满意"
            }
            projects.append(p)
        }
        try await insert(projects, db)
        let allProjects = try await ActionProject.query(on: db).sort(\.$id).all()
        var links: [ProjectLink] = []
        var milestones: [ProjectMilestone] = []
        var notes: [ProjectNote] = []
        for (k, p) in allProjects.enumerated() {
            let i = claimedItems[k]
            let link = ProjectLink()
            link.projectID = p.id!
            link.itemID = i.id
            link.path = p.path
            links.append(link)
            for r in claimedBy[i.id!] ?? [] {
                let l = ProjectLink()
                l.projectID = p.id!
                l.resourceID = r
                l.path = p.path
                links.append(l)
            }
            let start = p.startedOn.flatMap(LocalDate.init) ?? today
            for (n, title) in ["方案确定", "组织实施", "总结评估"].enumerated() {
                let m = ProjectMilestone()
                m.projectID = p.id!
                m.title = title
                m.due = start.adding(days: 10 * (n + 1)).description
                let done = p.state == .closed || (p.state == .underway && n == 0)
                m.doneOn = done ? start.adding(days: 10 * n + 5).description : nil
                m.path = p.path
                milestones.append(m)
            }
            do {
                let n = ProjectNote()
                n.projectID = p.id!
                n.text =
                    p.state == .proposed
                    ? "项目已立项，正在确定方案。" : "项目已启动，资源方按计划提供服务。"
                n.by = p.createdBy
                n.at = d.now.addingTimeInterval(-Double(d.rng.int(5...50)) * 86_400)
                n.path = p.path
                notes.append(n)
            }
        }
        try await insert(links, db)
        try await insert(milestones, db)
        try await insert(notes, db)
        // Every note shows a small photo (a stand-in for the photos staff take), so photos are browsable.
        var photos: [ProjectPhoto] = []
        for n in try await ProjectNote.query(on: db).sort(\.$id).all() {
            let photo = ProjectPhoto()
            photo.noteID = n.id!
            photo.projectID = n.projectID
            photo.contentType = "image/png"
            photo.bytes = Data(samplePhoto)
            photos.append(photo)
        }
        try await insert(photos, db)
        d.counts["list items"] = allItems.count
        d.counts["list resources"] = allResources.count
        d.counts["action projects"] = allProjects.count
    }

    /// A 2×2 PNG.
    static let samplePhoto: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00,
        0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x38, 0x61, 0x64, 0x04, 0x44, 0x0C, 0x10, 0x0A, 0x00, 0x23,
        0x36, 0x04, 0xB1, 0x46, 0x7C, 0x16, 0x33, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
        0x82,
    ]

    private static func insert<M: Model>(_ rows: [M], _ db: any Database) async throws {
        for chunk in rows.chunked(300) where !chunk.isEmpty { try await chunk.create(on: db) }
    }
}

extension Array where Element == BeneficiaryGroup {
    fileprivate func shuffledPick(_ rng: inout SeededRandom) -> String {
        filter { _ in rng.chance(0.5) }.map(\.rawValue).joined(separator: ",")
    }
}
