/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let navVisitsPhone = Text("nav.visitsPhone")
    static let visitProgress = Text("visit.progress")
    static let visitNote = Text("visit.note")
    static let visitPhotos = Text("visit.photos")
    static let visitPhoto = Text("visit.photo")
    static let visitProblem = Text("visit.problem")
    static let visitProblemHint = Text("visit.problemHint")
    static let visitRecord = Text("visit.record")
    static let visitRates = Text("visit.rates")
    static let visitRateDefinition = Text("visit.rateDefinition")
    static let visitVisited = Text("visit.visited")
    static let visitVisits = Text("visit.visits")
    static let visitRate = Text("visit.rate")
    static let visitProblems = Text("visit.problems")
    static let visitOutcome = Text("visit.outcome")
    static let visitOutcomeMet = Text("visit.outcome.met")
    static let visitOutcomeNobodyHome = Text("visit.outcome.nobodyHome")
    static let visitOutcomeRefused = Text("visit.outcome.refused")
    static let visitOutcomeMovedAway = Text("visit.outcome.movedAway")
    static let visitPlans = Text("visit.plans")
    static let visitPlan = Text("visit.plan")
    static let visitMyPlans = Text("visit.myPlans")
    static let visitMyGrids = Text("visit.myGrids")
    static let visitTodo = Text("visit.todo")
    static let visitNoTodo = Text("visit.noTodo")
    static let visitNoPlans = Text("visit.noPlans")
    static let visitPlanNew = Text("visit.planNew")
    static let visitVisitor = Text("visit.visitor")
    static let visitDue = Text("visit.due")
    static let visitOverdue = Text("visit.overdue")
    static let visitPlanProgress = Text("visit.planProgress")
    static let visitPlanVisitedDefinition = Text("visit.planVisitedDefinition")
    static let visitChooseGrid = Text("visit.chooseGrid")
    static let visitHousehold = Text("visit.household")
    static let visitLast = Text("visit.last")
    static let visitNever = Text("visit.never")
    static let visitVisitedMark = Text("visit.visitedMark")
    static let visitStatus = Text("visit.status")
    static let visitNotYet = Text("visit.notYet")
    static let visitPickUnvisited = Text("visit.pickUnvisited")
    static let visitPlanOrder = Text("visit.planOrder")
    static let visitPeriodFrom = Text("visit.periodFrom")
    static let visitPeriodTo = Text("visit.periodTo")
    static let visitHistory = Text("visit.history")
    static let visitRequest = Text("visit.request")
    static let visitAllHouseholds = Text("visit.allHouseholds")
    static let visitGridList = Text("visit.gridList")
    static let visitNoVisitors = Text("visit.noVisitors")
    static let flashVisited = Text("flash.visited")
    static let flashVisitedWithRequest = Text("flash.visitedWithRequest")
    static let flashVisitPlanned = Text("flash.visitPlanned")
    static let errorVisitVisitor = Text("error.visit.visitor")
    static let errorVisitHouseholds = Text("error.visit.households")
    static let errorVisitGrid = Text("error.visit.grid")
    static let errorVisitOutcome = Text("error.visit.outcome")
    static let errorVisitNoteLong = Text("error.visit.noteLong")
    static let errorVisitProblemCategory = Text("error.visit.problemCategory")
    static let errorVisitProblemWording = Text("error.visit.problemText")
    static let errorVisitPeriod = Text("error.visit.period")
}

/// The interface strings of Visits, in both languages.
enum VisitsStrings {
    static let table = StringTable([
        .navVisitsPhone: ("走访", "Visits"),
        .visitProgress: ("已走访 {0} / {1} 户", "{0} of {1} households visited"),
        .visitNote: ("走访情况", "What you found"),
        .visitPhotos: ("照片（选填，最多 3 张）", "Photos (optional, at most 3)"),
        .visitPhoto: ("走访照片", "Visit photo"),
        .visitProblem: ("发现问题", "A problem found"),
        .visitProblemHint: (
            "填写后，问题随本次走访登记为诉求（来源：走访），进入办理流程。",
            "Filled in, the problem is raised as a request (channel: visit) with this visit."
        ),
        .visitRecord: ("记录走访", "Record the visit"),
        .visitRates: ("各网格走访率", "Visit rate per grid"),
        .visitRateDefinition: (
            "走访率 = 期间内有走访记录（“无人在家”除外）的住户数 ÷ 网格现有住户数；"
                + "点击网格可查看所计住户。",
            "Visit rate = households of the grid with a visit recorded in the period (other than “nobody at home”) "
                + "÷ households of the grid; a grid's name opens the households counted."
        ),
        .visitVisited: ("已走访户数", "Households visited"),
        .visitVisits: ("走访次数", "Visits"),
        .visitRate: ("走访率", "Visit rate"),
        .visitProblems: ("发现问题", "Problems found"),
        .visitOutcome: ("走访结果", "Outcome"),
        .visitOutcomeMet: ("见到住户", "Met the household"),
        .visitOutcomeNobodyHome: ("无人在家", "Nobody at home"),
        .visitOutcomeRefused: ("拒绝走访", "Refused"),
        .visitOutcomeMovedAway: ("已搬离", "Moved away"),
        .visitPlans: ("走访计划", "Visit plans"),
        .visitPlan: ("走访计划", "Visit plan"),
        .visitMyPlans: ("我的走访计划", "My visit plans"),
        .visitMyGrids: ("我的网格", "My grids"),
        .visitTodo: ("待走访住户", "Households still to visit"),
        .visitNoTodo: ("没有待走访的住户。", "No households left to visit."),
        .visitNoPlans: ("暂无走访计划。", "No visit plans."),
        .visitPlanNew: ("新建走访计划", "New visit plan"),
        .visitVisitor: ("走访人", "Visitor"),
        .visitDue: ("完成期限", "Due"),
        .visitOverdue: ("已逾期", "Overdue"),
        .visitPlanProgress: ("{0} / {1} 户", "{0} / {1} households"),
        .visitPlanVisitedDefinition: (
            "计划下达后有走访记录（“无人在家”除外）的住户计为已走访。",
            "A household of the plan counts as visited once a visit other than “nobody at home” is recorded "
                + "after the plan was made."
        ),
        .visitChooseGrid: ("选择网格", "Choose the grid"),
        .visitHousehold: ("住户", "Household"),
        .visitLast: ("最近走访", "Last visit"),
        .visitNever: ("从未走访", "Never visited"),
        .visitVisitedMark: ("已走访", "Visited"),
        .visitStatus: ("走访情况", "Visited or not"),
        .visitNotYet: ("未走访", "Not visited"),
        .visitPickUnvisited: ("勾选本年度未走访的 {0} 户", "Tick the {0} households not visited this year"),
        .visitPlanOrder: (
            "按最近走访时间排列，本年度未走访（“无人在家”除外）的住户在前。",
            "By last visit: households not visited this year (“nobody at home” aside) come first."
        ),
        .visitPeriodFrom: ("自", "From"),
        .visitPeriodTo: ("至", "To"),
        .visitHistory: ("走访记录", "Visits so far"),
        .visitRequest: ("诉求", "Request"),
        .visitAllHouseholds: ("全部住户", "All households"),
        .visitGridList: ("{0}：住户走访情况", "{0}: households and their visits"),
        .visitNoVisitors: (
            "该网格没有可走访的账号（网格员、楼长等）。",
            "No account may visit in this grid (grid worker, chiefs…)."
        ),
        .flashVisited: ("走访已记录。", "Visit recorded."),
        .flashVisitedWithRequest: (
            "走访已记录，发现的问题已登记为诉求。",
            "Visit recorded; the problem is now a request."
        ),
        .flashVisitPlanned: ("走访计划已下达。", "The visit plan is made."),
        .errorVisitVisitor: (
            "走访人须为您管理范围内、可在该网格走访的账号。",
            "The visitor must be an account in your scope that may visit in this grid."
        ),
        .errorVisitHouseholds: ("请选择本网格的住户。", "Choose households of this grid."),
        .errorVisitGrid: ("请选择您管理范围内的网格。", "Choose a grid in your scope."),
        .errorVisitOutcome: ("请选择走访结果。", "Choose the outcome of the visit."),
        .errorVisitNoteLong: ("走访情况不能超过 {0} 字。", "The note is longer than {0} characters."),
        .errorVisitProblemCategory: ("请选择问题的类别。", "Choose the problem's category."),
        .errorVisitProblemWording: ("请描述发现的问题。", "Describe the problem found."),
        .errorVisitPeriod: ("结束日期不能早于开始日期。", "The period ends before it starts."),
    ])
}
