import Fluent

/// People's part of the demo district: party members (seven in ten organised where they live, the rest in-service
/// members of unit organisations who report to a home community, 在职党员双报到), residents, community workers
/// graded 四级十二档, first secretaries, and the two people behind the resident and member accounts.
enum PeopleDemo {
    static func load(_ d: DemoDistrict) async throws {
        var people: [Person] = []
        var idNumbers = Set<String>()
        func newPerson(at node: OrgNode) -> Person {
            let p = Person()
            p.name = DemoData.name(&d.rng)
            var idn: String
            repeat { idn = DemoData.idNumber(&d.rng) } while idNumbers.contains(idn)
            idNumbers.insert(idn)
            p.idNumber = idn
            p.gender = (try? IDNumber(idn))?.isMale == true ? "male" : "female"
            p.phone = d.nextPhone()
            p.orgNodeID = node.id!
            p.path = node.path
            p.setFacets([])
            p.inService = false
            p.archived = false
            p.shownToNeighbours = false
            return p
        }
        func address(for node: OrgNode) -> String {
            let road = DemoData.roadNames[node.id! % DemoData.roadNames.count]
            let building = "\(d.rng.int(1...200))号\(d.rng.int(1...12))栋"
            return road + building + "\(d.rng.int(1...4))单元\(d.rng.int(1...18))0\(d.rng.int(1...4))室"
        }
        let territorial = d.grids + d.groups
        for i in 0..<d.scale.partyMembers {
            let inService = i % 10 >= 7 && !d.unitOrgs.isEmpty
            let node = inService ? d.unitOrgs[i % d.unitOrgs.count] : territorial[i % territorial.count]
            let p = newPerson(at: node)
            p.setFacets(inService ? [.partyMember] : [.partyMember, .resident])
            if d.rng.chance(0.4) { p.isVolunteer = true }
            p.inService = inService
            if inService {
                let home = d.communities[d.rng.int(0...(d.communities.count - 1))]
                p.homeNodeID = home.id
                p.homePath = home.path
                p.employer = node.name.replacingOccurrences(of: "党支部", with: "")
            }
            p.address = address(for: node)
            p.memberStatus = d.rng.chance(0.04) ? .probationary : .full
            p.joinedOn = SimpleDate("\(d.rng.int(1965...2025))-\(d.rng.int(1...12))-\(d.rng.int(1...28))")!.iso
            people.append(p)
        }
        for i in 0..<d.scale.residents {
            let grid = d.grids[i % d.grids.count]
            let p = newPerson(at: grid)
            p.setFacets(d.rng.chance(0.25) ? [.resident, .volunteer] : [.resident])
            p.address = address(for: grid)
            people.append(p)
        }
        for community in d.communities {
            for w in 0..<d.scale.workersPerCommunity {
                let p = newPerson(at: community)
                p.setFacets(w < 2 ? [.communityWorker, .partyMember] : [.communityWorker])
                p.workerLevel = w == 0 ? 4 : d.rng.int(1...3)
                p.workerStep = d.rng.int(1...3)
                if p.isPartyMember {
                    p.memberStatus = .full
                    p.joinedOn = "20\(10 + w)-07-01"
                }
                people.append(p)
            }
        }
        for community in d.communities.prefix(3) {
            let p = newPerson(at: community)
            p.setFacets([.firstSecretary, .partyMember])
            p.memberStatus = .full
            p.employer = "区直机关（选派）"
            p.joinedOn = "2008-07-01"
            people.append(p)
        }
        let demoResident = newPerson(at: d.grids[0])
        demoResident.name = "李华"
        demoResident.setFacets([.resident])
        demoResident.address = address(for: d.grids[0])
        let demoMember = newPerson(at: d.grids[0])
        demoMember.name = "孙丽"
        demoMember.setFacets([.partyMember, .resident, .volunteer])
        demoMember.memberStatus = .full
        demoMember.joinedOn = "2015-06-18"
        demoMember.address = address(for: d.grids[0])
        people += [demoResident, demoMember]
        for chunk in stride(from: 0, to: people.count, by: 200) {
            try await Array(people[chunk..<min(chunk + 200, people.count)]).create(on: d.db)
        }
        // A batch insert does not hand back database-made ids.
        d.residentPersonID = try await Person.query(on: d.db).filter(\.$idNumber == demoResident.idNumber!).first()?.id
        d.memberPersonID = try await Person.query(on: d.db).filter(\.$idNumber == demoMember.idNumber!).first()?.id
        d.counts["people", default: 0] += people.count
    }
}
