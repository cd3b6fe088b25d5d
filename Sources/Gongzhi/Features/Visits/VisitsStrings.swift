/// The interface strings of Visits, in both languages.
enum VisitsStrings {
    static let table = StringTable(
        zhHans: [
            "visit.progress": "已走访 {0} / {1} 户",
            "visit.note": "走访情况",
            "visit.problem": "发现问题，登记为诉求",
            "visit.record": "记录走访",
            "visit.rates": "各网格走访率",
            "visit.visited": "已走访户数",
            "visit.rate": "走访率",
            "visit.problems": "发现问题",
            "flash.visited": "走访已记录。",
            "flash.visitedWithRequest": "走访已记录，发现的问题已登记为诉求。",
            "error.visit.visitor": "走访人须为您管理范围内的账号。",
            "error.visit.households": "请选择本网格的住户。",
        ],
        en: [
            "visit.progress": "{0} of {1} households visited",
            "visit.note": "What you found",
            "visit.problem": "A problem: raise it as a request",
            "visit.record": "Record the visit",
            "visit.rates": "Visit rate per grid",
            "visit.visited": "Households visited",
            "visit.rate": "Visit rate",
            "visit.problems": "Problems found",
            "flash.visited": "Visit recorded.",
            "flash.visitedWithRequest": "Visit recorded; the problem is now a request.",
            "error.visit.visitor": "The visitor must be an account in your scope.",
            "error.visit.households": "Choose households of this grid.",
        ]
    )
}
