import Vapor

/// An error a user or client can cause: a status, a stable code for clients, and a message key
/// shown in the user's language.
struct AppError: Error, Sendable {
    let status: HTTPResponseStatus
    let code: String
    let messageKey: String
    var args: [String] = []
    /// Field-level problems of a form or JSON body: field name → message key.
    var fields: [String: String] = [:]
    /// The values a field's message names (`{0}`, `{1}`), where it names any.
    var fieldArgs: [String: [String]] = [:]

    /// Each field's problem in the language, its placeholders filled.
    func fieldMessages(_ lang: Lang) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.key, lang.format($0.value, fieldArgs[$0.key] ?? [])) })
    }

    /// One field's problem in the language, nil when the field has none.
    func fieldMessage(_ field: String, _ lang: Lang) -> String? {
        fields[field].map { lang.format($0, fieldArgs[field] ?? []) }
    }

    static func notFound(_ what: Text = .errorNotFound) -> AppError {
        .init(status: .notFound, code: "not_found", messageKey: what.key)
    }
    static func forbidden() -> AppError { .init(status: .forbidden, code: "forbidden", messageKey: "error.forbidden") }
    static func unauthorized() -> AppError {
        .init(status: .unauthorized, code: "unauthorized", messageKey: "error.unauthorized")
    }
    static func invalid(_ text: Text, args: [String] = [], field: String? = nil) -> AppError {
        invalid(key: text.key, args: args, field: field)
    }
    static func invalid(key: String, args: [String] = [], field: String? = nil) -> AppError {
        var e = AppError(status: .unprocessableEntity, code: "invalid", messageKey: key, args: args)
        if let field {
            e.fields[field] = key
            e.fieldArgs[field] = args
        }
        return e
    }
    /// Every field's problem at once (field → message key), the first by name as the message; nil when none.
    static func fields(_ problems: [String: String]) -> AppError? {
        guard let first = problems.min(by: { $0.key < $1.key }) else { return nil }
        var e = AppError.invalid(key: first.value, field: first.key)
        e.fields = problems
        return e
    }
    static func badRequest(_ text: Text, args: [String] = []) -> AppError { badRequest(key: text.key, args: args) }
    static func badRequest(key: String, args: [String] = []) -> AppError {
        .init(status: .badRequest, code: "bad_request", messageKey: key, args: args)
    }
    static func conflict(_ text: Text, args: [String] = []) -> AppError { conflict(key: text.key, args: args) }
    static func conflict(key: String, args: [String] = []) -> AppError {
        .init(status: .conflict, code: "conflict", messageKey: key, args: args)
    }
}

/// Every field's problem of one submission, gathered so the person fixes them all at once: each with the
/// values its message names. Throws them together as one 422.
struct FieldProblems {
    private var problems: [String: (key: String, args: [String])] = [:]

    /// A problem named by its key alone; a field keeps its first problem.
    subscript(field: String) -> String? {
        get { problems[field]?.key }
        set {
            guard let newValue, problems[field] == nil else { return }
            problems[field] = (newValue, [])
        }
    }

    mutating func add(_ field: String, _ text: Text, args: [String] = []) {
        if problems[field] == nil { problems[field] = (text.key, args) }
    }

    /// Runs one field's check and keeps its refusal (a 422 or a rule's) instead of throwing it.
    mutating func check<T>(_ field: String, _ body: () throws -> T) rethrows -> T? {
        do {
            return try body()
        } catch let e as AppError where e.status == .unprocessableEntity {
            if problems[field] == nil { problems[field] = (e.messageKey, e.args) }
        } catch let e as KeyedRuleError {
            if problems[field] == nil { problems[field] = (e.messageKey, e.args) }
        }
        return nil
    }

    var isEmpty: Bool { problems.isEmpty }

    /// The 422 for them all (the first field by name as the message), nil when there are none.
    var error: AppError? {
        guard let first = problems.min(by: { $0.key < $1.key }) else { return nil }
        var e = AppError.invalid(key: first.value.key, args: first.value.args, field: first.key)
        e.fields = problems.mapValues(\.key)
        e.fieldArgs = problems.mapValues(\.args)
        return e
    }

    func throwIfAny() throws {
        if let error { throw error }
    }
}

/// Errors of the core rules carry message keys; this turns them into 422s.
protocol KeyedRuleError: Error {
    var messageKey: String { get }
    var args: [String] { get }
}
extension KeyedRuleError { var args: [String] { [] } }
extension TreeRuleError: KeyedRuleError {}
extension IDNumber.Problem: KeyedRuleError {}
extension MobileNumber.Invalid: KeyedRuleError {}
extension WorkerGrade.Invalid: KeyedRuleError {}
extension PasswordPolicy.Problem: KeyedRuleError {}
extension TextDecoding.Undecodable: KeyedRuleError {}
extension CSV.Malformed: KeyedRuleError {}
extension PersonImport.FileProblem: KeyedRuleError {}  // args: the missing columns
extension ReportingRules.Problem: KeyedRuleError {}
extension PointsLedger.Problem: KeyedRuleError {}
extension DateProblem: KeyedRuleError {}
