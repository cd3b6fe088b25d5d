/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let visitProgress = Text("visit.progress")
    static let visitNote = Text("visit.note")
    static let visitProblem = Text("visit.problem")
    static let visitRecord = Text("visit.record")
    static let visitRates = Text("visit.rates")
    static let visitVisited = Text("visit.visited")
    static let visitRate = Text("visit.rate")
    static let visitProblems = Text("visit.problems")
    static let flashVisited = Text("flash.visited")
    static let flashVisitedWithRequest = Text("flash.visitedWithRequest")
    static let errorVisitVisitor = Text("error.visit.visitor")
    static let errorVisitHouseholds = Text("error.visit.households")
}

/// The interface strings of Visits, in both languages.
enum VisitsStrings {
    static let table = StringTable([
        .visitProgress: ("已走访 {0} / {1} 户", "{0} of {1} households visited"),
        .visitNote: ("走访情况", "What you found"),
        .visitProblem: ("发现问题，登记为诉求", "A problem: raise it as a request"),
        .visitRecord: ("记录走访", "Record the visit"),
        .visitRates: ("各网格走访率", "Visit rate per grid"),
        .visitVisited: ("已走访户数", "Households visited"),
        .visitRate: ("走访率", "Visit rate"),
        .visitProblems: ("发现问题", "Problems found"),
        .flashVisited: ("走访已记录。", "Visit recorded."),
        .flashVisitedWithRequest: (
            "走访已记录，发现的问题已登记为诉求。",
            "Visit recorded; the problem is now a request."
        ),
        .errorVisitVisitor: (
            "走访人须为您管理范围内的账号。",
            "The visitor must be an account in your scope."
        ),
        .errorVisitHouseholds: ("请选择本网格的住户。", "Choose households of this grid."),
    ])
}
