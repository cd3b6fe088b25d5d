import Vapor

/// What a form or API call may set on a person; `validate` turns it into checked values or field errors.
struct PersonInput: StrictInput, Content {
    static let fields: Set<String> = [
        "name", "gender", "idNumber", "phone", "address", "facets", "orgNodeID",
        "homeNodeID", "inService", "employer", "joinedOn", "memberStatus", "workerGrade",
    ]
    var name: String?
    var gender: String?
    var idNumber: String?
    var phone: String?
    var address: String?
    var facets: [PersonFacet]?
    var orgNodeID: Int?
    var homeNodeID: Int?
    var inService: Bool?
    var employer: String?
    var joinedOn: String?
    var memberStatus: MemberStatus?
    var workerGrade: WorkerGrade?

    /// Applies the input to `person` (new or existing); every problem is collected before failing.
    func apply(to person: Person, isNew: Bool) throws {
        var problems: [String: String] = [:]
        func clean(_ s: String?) -> String? { s.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 } }
        if isNew || name != nil {
            let n = clean(name) ?? ""
            if n.isEmpty {
                problems["name"] = "error.name.empty"
            } else if n.count > 50 {
                problems["name"] = "error.name.tooLong"
            } else {
                person.name = n
            }
        }
        if let g = gender {
            if ["male", "female", ""].contains(g) {
                person.gender = g.isEmpty ? nil : g
            } else {
                problems["gender"] = "error.gender"
            }
        }
        if let raw = idNumber {
            if let v = clean(raw) {
                do throws(IDNumber.Problem) {
                    let id = try IDNumber(v)
                    person.idNumber = id.value
                    if person.gender == nil { person.gender = id.isMale ? "male" : "female" }
                } catch { problems["idNumber"] = error.messageKey }
            } else {
                person.idNumber = nil
            }
        }
        if let raw = phone {
            if let v = clean(raw) {
                do throws(MobileNumber.Invalid) { person.phone = try MobileNumber(v).value } catch {
                    problems["phone"] = error.messageKey
                }
            } else {
                person.phone = nil
            }
        }
        if let a = address {
            if a.count > 200 { problems["address"] = "error.address.tooLong" } else { person.address = clean(a) }
        }
        if isNew || facets != nil {
            let f = Set(facets ?? [])
            if f.isEmpty { problems["facets"] = "error.import.noFacet" } else { person.setFacets(f) }
        }
        if let s = inService { person.inService = s }
        if let e = employer { person.employer = clean(e) }
        if person.inService && person.employer == nil && person.isPartyMember {
            problems["employer"] = "error.person.employerRequired"
        }
        if let raw = joinedOn {
            if let v = clean(raw) {
                if let d = SimpleDate(v) {
                    person.joinedOn = d.iso
                } else {
                    problems["joinedOn"] = "error.date.invalid"
                }
            } else {
                person.joinedOn = nil
            }
        }
        if let m = memberStatus { person.memberStatus = m }
        if let g = workerGrade {
            do throws(WorkerGrade.Invalid) {
                let checked = try WorkerGrade(level: g.level, step: g.step)
                person.workerLevel = checked.level
                person.workerStep = checked.step
            } catch { problems["workerGrade"] = error.messageKey }
        }
        if person.isCommunityWorker && person.workerLevel == nil && problems["workerGrade"] == nil {
            problems["workerGrade"] = "error.grade.required"
        }
        if isNew && orgNodeID == nil { problems["orgNodeId"] = "error.org.required" }
        if let e = AppError.fields(problems) { throw e }
    }
}
