import Vapor

/// Every path of Volunteering (志愿服务), pages and API: registered and linked from these values only.
enum VolunteeringRoute: AppRoute {
    /// The phone: find activities, my sign-ups, check in and out, redeem a code; the desk: activities in scope.
    case page
    /// 志愿者注册 (phone: oneself; desk: a person in scope) and the desk's volunteers.
    case register
    case volunteers
    case volunteersExport
    case endVolunteer(Parameter<Int>)
    case teams
    case teamsExport
    case team(Parameter<Int>)
    case teamMembers(Parameter<Int>)
    case activities
    case activitiesExport
    case activity(Parameter<Int>)
    case signup(Parameter<Int>)
    case cancelSignup(Parameter<Int>)
    case cancelActivity(Parameter<Int>)
    case hourCodes(Parameter<Int>)
    /// The QR link carries the code (`?code=123456`); the form posts to the same path, check-out to its own.
    case checkIn
    case checkOut
    case redeem
    /// My hours (phone), hours in scope with the manual entry form (desk).
    case hours
    case hoursExport
    case rankings

    case apiVolunteers
    case apiVolunteersExport
    case apiVolunteerEnd(Parameter<Int>)
    case apiTeams
    case apiTeamsExport
    case apiTeam(Parameter<Int>)
    case apiTeamMembers(Parameter<Int>)
    case apiActivities
    case apiActivitiesExport
    case apiActivity(Parameter<Int>)
    case apiActivityCancel(Parameter<Int>)
    case apiSignup(Parameter<Int>)
    case apiCancelSignup(Parameter<Int>)
    case apiSignups(Parameter<Int>)
    case apiHourCodes(Parameter<Int>)
    case apiTeamHourCodes
    case apiCheckIn
    case apiCheckOut
    case apiRedeem
    case apiHours
    case apiHoursExport
    case apiRankings

    static let patterns: [VolunteeringRoute] = [
        .page, .register, .volunteers, .volunteersExport, .endVolunteer(.key), .teams, .teamsExport, .team(.key),
        .teamMembers(.key), .activities, .activitiesExport, .activity(.key), .signup(.key), .cancelSignup(.key),
        .cancelActivity(.key), .hourCodes(.key), .checkIn, .checkOut, .redeem, .hours, .hoursExport, .rankings,
        .apiVolunteers, .apiVolunteersExport, .apiVolunteerEnd(.key), .apiTeams, .apiTeamsExport, .apiTeam(.key),
        .apiTeamMembers(.key), .apiActivities, .apiActivitiesExport, .apiActivity(.key), .apiActivityCancel(.key),
        .apiSignup(.key), .apiCancelSignup(.key), .apiSignups(.key), .apiHourCodes(.key), .apiTeamHourCodes,
        .apiCheckIn, .apiCheckOut, .apiRedeem, .apiHours, .apiHoursExport, .apiRankings,
    ]

    var components: [PathComponent] {
        let v1 = APIPath.v1 + ["volunteering"]
        switch self {
        case .page: return ["volunteering"]
        case .register: return ["volunteering", "register"]
        case .volunteers: return ["volunteering", "volunteers"]
        case .volunteersExport: return ["volunteering", "volunteers", "export.csv"]
        case .endVolunteer(let id): return ["volunteering", "volunteers", id.component("id"), "end"]
        case .teams: return ["volunteering", "teams"]
        case .teamsExport: return ["volunteering", "teams", "export.csv"]
        case .team(let id): return ["volunteering", "teams", id.component("id")]
        case .teamMembers(let id): return ["volunteering", "teams", id.component("id"), "members"]
        case .activities: return ["volunteering", "activities"]
        case .activitiesExport: return ["volunteering", "activities", "export.csv"]
        case .activity(let id): return ["volunteering", "activities", id.component("id")]
        case .signup(let id): return ["volunteering", "activities", id.component("id"), "signup"]
        case .cancelSignup(let id): return ["volunteering", "activities", id.component("id"), "cancel-signup"]
        case .cancelActivity(let id): return ["volunteering", "activities", id.component("id"), "cancel"]
        case .hourCodes(let id): return ["volunteering", "activities", id.component("id"), "hour-codes"]
        case .checkIn: return ["volunteering", "check-in"]
        case .checkOut: return ["volunteering", "check-out"]
        case .redeem: return ["volunteering", "redeem"]
        case .hours: return ["volunteering", "hours"]
        case .hoursExport: return ["volunteering", "hours", "export.csv"]
        case .rankings: return ["volunteering", "rankings"]
        case .apiVolunteers: return v1 + ["volunteers"]
        case .apiVolunteersExport: return v1 + ["volunteers", "export.csv"]
        case .apiVolunteerEnd(let id): return v1 + ["volunteers", id.component("id"), "end"]
        case .apiTeams: return v1 + ["teams"]
        case .apiTeamsExport: return v1 + ["teams", "export.csv"]
        case .apiTeam(let id): return v1 + ["teams", id.component("id")]
        case .apiTeamMembers(let id): return v1 + ["teams", id.component("id"), "members"]
        case .apiActivities: return v1 + ["activities"]
        case .apiActivitiesExport: return v1 + ["activities", "export.csv"]
        case .apiActivity(let id): return v1 + ["activities", id.component("id")]
        case .apiActivityCancel(let id): return v1 + ["activities", id.component("id"), "cancel"]
        case .apiSignup(let id): return v1 + ["activities", id.component("id"), "signup"]
        case .apiCancelSignup(let id): return v1 + ["activities", id.component("id"), "cancel-signup"]
        case .apiSignups(let id): return v1 + ["activities", id.component("id"), "signups"]
        case .apiHourCodes(let id): return v1 + ["activities", id.component("id"), "hour-codes"]
        case .apiTeamHourCodes: return v1 + ["hour-codes"]
        case .apiCheckIn: return v1 + ["check-in"]
        case .apiCheckOut: return v1 + ["check-out"]
        case .apiRedeem: return v1 + ["hour-codes", "redeem"]
        case .apiHours: return v1 + ["hours"]
        case .apiHoursExport: return v1 + ["hours", "export.csv"]
        case .apiRankings: return v1 + ["rankings"]
        }
    }
}
